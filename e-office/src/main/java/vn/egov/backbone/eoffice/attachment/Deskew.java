package vn.egov.backbone.eoffice.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Turns a scanned page straight before Tesseract reads it. At 2.5° (a page photographed by phone) the
 * engine's layout analysis read halves of lines as columns and lost most of the words on some fonts
 * (the error rate in {@code TextRecognitionTest}); a page turned back reads as well as a straight one.
 *
 * <p>The angle is the one at which the rows of dark pixels line up best: on a copy about 800 pixels
 * wide, for each candidate angle the dark pixels are projected onto the vertical axis along that angle,
 * and the angle whose profile has the sharpest peaks (the largest sum of squares) wins — the classic
 * projection-profile method.
 */
final class Deskew {
    private static final double MAX_DEGREES = 5;
    private static final double STEP_DEGREES = 0.1;
    /** Below this, turning costs more in blur than it gains. */
    private static final double MIN_DEGREES = 0.3;
    private static final int SAMPLE_WIDTH = 800;
    private static final int DARK = 128;

    private Deskew() {
    }

    /** The page in grey, turned by the opposite of its skew when that is worth it. */
    static BufferedImage straighten(BufferedImage page) {
        BufferedImage grey = grey(page, page.getWidth(), page.getHeight());
        double degrees = skew(grey);
        if (Math.abs(degrees) < MIN_DEGREES) {
            return grey;
        }
        BufferedImage turned = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, turned.getWidth(), turned.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(-degrees), grey.getWidth() / 2.0, grey.getHeight() / 2.0);
            g.drawImage(grey, 0, 0, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    /** The page's skew in degrees, positive clockwise (as {@link Graphics2D#rotate} turns). */
    static double skew(BufferedImage grey) {
        double scale = Math.min(1.0, (double) SAMPLE_WIDTH / grey.getWidth());
        int width = Math.max(1, (int) (grey.getWidth() * scale));
        int height = Math.max(1, (int) (grey.getHeight() * scale));
        Raster sample = grey(grey, width, height).getRaster();
        int[] xs = new int[width * height];
        int[] ys = new int[width * height];
        int dark = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (sample.getSample(x, y, 0) < DARK) {
                    xs[dark] = x;
                    ys[dark++] = y;
                }
            }
        }
        if (dark == 0) {
            return 0;
        }
        double best = 0;
        double bestScore = -1;
        int margin = width; // rows shift by at most width × tan(5°) either way
        for (double degrees = -MAX_DEGREES; degrees <= MAX_DEGREES + 1e-9; degrees += STEP_DEGREES) {
            double tan = Math.tan(Math.toRadians(degrees));
            long[] rows = new long[height + 2 * margin];
            for (int i = 0; i < dark; i++) {
                // a dark pixel on a text line turned by `degrees` lies on the row y − x·tan of the straight page
                rows[(int) Math.round(ys[i] - xs[i] * tan) + margin]++;
            }
            double score = 0;
            for (long count : rows) {
                score += (double) count * count;
            }
            if (score > bestScore) {
                bestScore = score;
                best = degrees;
            }
        }
        return best;
    }

    private static BufferedImage grey(BufferedImage image, int width, int height) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && image.getWidth() == width && image.getHeight() == height) {
            return image;
        }
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return grey;
    }
}
