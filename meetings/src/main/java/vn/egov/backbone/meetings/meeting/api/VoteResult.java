package vn.egov.backbone.meetings.meeting.api;

/**
 * A closed vote's count. Percentages are of {@code base} (members present at closing, or all entitled
 * members), rounded to two decimals; the motion is adopted when more than half of the base agree.
 */
public record VoteResult(int entitled, int present, int base, int yes, int no, int abstain, int notVoted,
                         double yesPercent, double noPercent, double abstainPercent, boolean adopted) {

    public static VoteResult count(int entitled, int present, PercentBase percentBase, int yes, int no, int abstain) {
        int base = percentBase == PercentBase.PRESENT ? present : entitled;
        int notVoted = Math.max(0, base - yes - no - abstain);
        return new VoteResult(entitled, present, base, yes, no, abstain, notVoted, percent(yes, base),
                percent(no, base), percent(abstain, base), base > 0 && yes * 2 > base);
    }

    private static double percent(int count, int base) {
        return base == 0 ? 0 : Math.round(count * 10000.0 / base) / 100.0;
    }
}
