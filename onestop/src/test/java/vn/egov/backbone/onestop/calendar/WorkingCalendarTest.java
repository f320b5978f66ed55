package vn.egov.backbone.onestop.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {
    private final WorkingCalendar calendar = WorkingCalendar.standard();

    @Test
    void tetFollowsTheLunarCalendar() {
        assertThat(LunarCalendar.lunarNewYear(2023)).isEqualTo(LocalDate.of(2023, 1, 22));
        assertThat(LunarCalendar.lunarNewYear(2024)).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(LunarCalendar.lunarNewYear(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(LunarCalendar.lunarNewYear(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(LunarCalendar.lunarNewYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
        // Giỗ Tổ Hùng Vương, 10/3 lunar (2023 had a leap second month).
        assertThat(LunarCalendar.toSolar(10, 3, 2023)).isEqualTo(LocalDate.of(2023, 4, 29));
        assertThat(LunarCalendar.toSolar(10, 3, 2024)).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(LunarCalendar.toSolar(10, 3, 2025)).isEqualTo(LocalDate.of(2025, 4, 7));
    }

    @Test
    void aDossierReceivedOnTheFridayBeforeTetIsDueAfterTheHoliday() {
        // Tết 2026: Monday 16 February (the eve) to Friday 20 February.
        LocalDate friday = LocalDate.of(2026, 2, 13);
        assertThat(calendar.holiday(LocalDate.of(2026, 2, 16))).contains("Tết Nguyên Đán");
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 20))).isFalse();
        assertThat(calendar.addWorkingDays(friday, 3)).isEqualTo(LocalDate.of(2026, 2, 25));
        assertThat(calendar.addWorkingDays(friday, 0)).isEqualTo(friday);
        assertThat(calendar.workingDaysBetween(friday, LocalDate.of(2026, 2, 25))).isEqualTo(3);
    }

    @Test
    void holidaysOnWeekendsAreMadeUpAndTheGovernmentsSwapsAreConfigured() {
        // 30/4/2022 was a Saturday and 1/5 a Sunday: made up on Monday 2 and Tuesday 3 May.
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 5, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 5, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 5, 4))).isTrue();
        // Tết 2025 as decided: off from Saturday 25/1 to Sunday 2/2 — Monday 27/1 added, worked back on
        // Saturday 8/2, and the make-up for Saturday 1/2 not on Monday 3/2.
        WorkingCalendar decided = new WorkingCalendar(Set.of(LocalDate.of(2025, 1, 27)),
                Set.of(LocalDate.of(2025, 2, 8), LocalDate.of(2025, 2, 3)));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 3))).isFalse(); // the rules alone
        assertThat(decided.isWorkingDay(LocalDate.of(2025, 1, 27))).isFalse();
        assertThat(decided.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
        assertThat(decided.addWorkingDays(LocalDate.of(2025, 1, 24), 1)).isEqualTo(LocalDate.of(2025, 2, 3));
    }
}
