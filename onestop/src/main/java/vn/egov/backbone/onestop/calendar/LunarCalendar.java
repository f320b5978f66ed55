package vn.egov.backbone.onestop.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunar calendar (âm lịch), computed astronomically for the time zone UTC+7 after
 * Hồ Ngọc Đức's published algorithm: new moons and the sun's longitude decide where months begin
 * and which month is leap. Tết Nguyên Đán and Giỗ Tổ Hùng Vương are lunar dates; the working-day
 * calendar asks here when they fall.
 */
public final class LunarCalendar {
    private static final double TIME_ZONE = 7.0;
    private static final double SYNODIC_MONTH = 29.530588853;

    private LunarCalendar() {
    }

    /** The solar date of day {@code day} of lunar month {@code month} (not leap) of lunar year {@code year}. */
    public static LocalDate toSolar(int day, int month, int year) {
        long a11;
        long b11;
        if (month < 11) {
            a11 = lunarMonth11(year - 1);
            b11 = lunarMonth11(year);
        } else {
            a11 = lunarMonth11(year);
            b11 = lunarMonth11(year + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
        int offset = month - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) { // a leap year: months from the leap month on shift by one
            int leapOffset = leapMonthOffset(a11);
            if (offset >= leapOffset) {
                offset += 1;
            }
        }
        long monthStart = newMoonDay(k + offset);
        return fromJulianDay(monthStart + day - 1);
    }

    /** Mùng 1 Tết: the first day of the lunar year that begins in solar year {@code year}. */
    public static LocalDate lunarNewYear(int year) {
        return toSolar(1, 1, year);
    }

    static long julianDay(LocalDate date) {
        return date.toEpochDay() + 2_440_588L;
    }

    static LocalDate fromJulianDay(long julianDay) {
        return LocalDate.ofEpochDay(julianDay - 2_440_588L);
    }

    /** The day (Julian day number, local time) of the k-th new moon after 1 January 1900. */
    static long newMoonDay(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m)
                - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr)
                - 0.0004 * Math.sin(dr * 3 * mpr)
                + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr))
                - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m))
                - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr))
                + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return (long) Math.floor(jd1 + c1 - deltaT + 0.5 + TIME_ZONE / 24);
    }

    /** The sun's longitude at the start of the day, as one of 12 sectors of 30° (0 = spring equinox). */
    static int sunLongitudeSector(long julianDay) {
        double t = (julianDay - 2451545.5 - TIME_ZONE / 24) / 36525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m)
                + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        l = l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
        return (int) Math.floor(l / Math.PI * 6);
    }

    /** The first day of the 11th lunar month (the one holding the winter solstice) of the solar year. */
    static long lunarMonth11(int year) {
        long offset = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(offset / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        return sunLongitudeSector(newMoon) >= 9 ? newMoonDay(k - 1) : newMoon;
    }

    /** Which month after month 11 is the leap month (the first without a major solar term). */
    static int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunLongitudeSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunLongitudeSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
