package vn.egov.backbone.onestop.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days of Vietnamese state agencies: Monday to Friday, except public holidays (Bộ luật Lao
 * động 2019, Điều 112): Tết Dương lịch (1/1), Tết Nguyên Đán (5 days: the last day of the lunar year
 * and the first four of the new one), Giỗ Tổ Hùng Vương (10/3 lunar), 30/4, 1/5 and Quốc khánh (2/9
 * and 1/9). A holiday on a weekend is made up on the next working day. Each year the government
 * moves days around (Tết bridged over a weekend, a Saturday worked in exchange, a make-up day moved);
 * those decisions are configuration: extra days off, and days worked whatever the rules say.
 */
public final class WorkingCalendar {
    private final Set<LocalDate> extraDaysOff;
    private final Set<LocalDate> daysWorked;
    private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();

    public WorkingCalendar(Collection<LocalDate> extraDaysOff, Collection<LocalDate> daysWorked) {
        this.extraDaysOff = Set.copyOf(extraDaysOff);
        this.daysWorked = Set.copyOf(daysWorked);
    }

    public static WorkingCalendar standard() {
        return new WorkingCalendar(Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        if (daysWorked.contains(date)) {
            return true;
        }
        return !weekend(date) && !extraDaysOff.contains(date) && holiday(date).isEmpty();
    }

    /** The public holiday (or the day making one up) on this date, by its Vietnamese name. */
    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(holidays(date.getYear()).get(date));
    }

    /** The date on which {@code days} working days counted after {@code from} end (from itself does not count). */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days: not negative");
        }
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days after {@code from} up to and including {@code to}; negative if {@code to} is before. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    private Map<LocalDate, String> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, WorkingCalendar::holidaysOf);
    }

    private static Map<LocalDate, String> holidaysOf(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "Tết Dương lịch");
        // Tết of this solar year, and of the next one when its eve falls at the end of this year.
        for (int lunarYear : new int[] {year, year + 1}) {
            LocalDate newYear = LunarCalendar.lunarNewYear(lunarYear);
            for (int offset = -1; offset <= 3; offset++) {
                LocalDate day = newYear.plusDays(offset);
                if (day.getYear() == year) {
                    days.put(day, "Tết Nguyên Đán");
                }
            }
        }
        days.put(LunarCalendar.toSolar(10, 3, year), "Giỗ Tổ Hùng Vương");
        days.put(LocalDate.of(year, 4, 30), "Ngày Chiến thắng");
        days.put(LocalDate.of(year, 5, 1), "Quốc tế Lao động");
        days.put(LocalDate.of(year, 9, 1), "Quốc khánh");
        days.put(LocalDate.of(year, 9, 2), "Quốc khánh");
        // A holiday on a Saturday or Sunday is made up on the next day that is neither weekend nor holiday.
        Map<LocalDate, String> madeUp = new TreeMap<>();
        for (Map.Entry<LocalDate, String> holiday : days.entrySet()) {
            if (weekend(holiday.getKey())) {
                LocalDate day = holiday.getKey().plusDays(1);
                while (weekend(day) || days.containsKey(day) || madeUp.containsKey(day)) {
                    day = day.plusDays(1);
                }
                madeUp.put(day, "Nghỉ bù " + holiday.getValue());
            }
        }
        days.putAll(madeUp);
        return days;
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
