package vn.egov.backbone.notifications.channel;

import java.util.Optional;
import java.util.regex.Pattern;

/** Vietnamese mobile numbers in the form the gateways take: {@code 84} and the nine digits, no plus. */
public final class PhoneNumbers {
    private static final Pattern INTERNATIONAL = Pattern.compile("84[35789]\\d{8}");

    private PhoneNumbers() {
    }

    /** {@code 0912 345 678}, {@code +84912345678}, {@code 84-912-345-678} → {@code 84912345678}; anything else: empty. */
    public static Optional<String> international(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s.\\-()]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (digits.startsWith("0")) {
            digits = "84" + digits.substring(1);
        }
        return INTERNATIONAL.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** For the log: {@code 849******78}. */
    public static String masked(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        return address.length() <= 5 ? "*****"
                : address.substring(0, 3) + "*".repeat(address.length() - 5) + address.substring(address.length() - 2);
    }
}
