package vn.egov.backbone.meetings.meeting;

import vn.egov.backbone.meetings.meeting.api.VoteChoice;

import java.util.Map;

/**
 * Where the choices of a secret vote are counted, outside the event store: only how many ballots each
 * choice has, so that neither the events' order nor their times link a seat to its choice. "This seat
 * voted" stays an event; the totals are recorded when the vote closes, and their sum equals the number
 * of seats that voted.
 */
public interface BallotBox {
    /** An empty box for a secret vote that opens, so that ballots only ever add to counters that exist. */
    void open(String voteId);

    /** Counts one ballot, in the transaction of the command that records that the seat voted. */
    void deposit(String voteId, VoteChoice choice);

    /** The ballots of each choice so far. */
    Map<VoteChoice, Integer> counts(String voteId);
}
