package vn.egov.backbone.meetings.meeting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.backbone.meetings.meeting.api.VoteChoice;

import java.util.EnumMap;
import java.util.Map;

/** The ballot box in {@code meeting_ballot_box}: one counter per vote and choice. */
@Component
class JdbcBallotBox implements BallotBox {
    private final JdbcClient jdbc;

    JdbcBallotBox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void open(String voteId) {
        for (VoteChoice choice : VoteChoice.values()) {
            jdbc.sql("INSERT INTO meeting_ballot_box (vote_id, choice, ballots) VALUES (:vote, :choice, 0)")
                    .param("vote", voteId).param("choice", choice.name()).update();
        }
    }

    @Override
    public void deposit(String voteId, VoteChoice choice) {
        // the counters exist from the opening, so two ballots at once wait for each other's row lock instead
        // of both inserting; a box missing its counter (a vote opened before boxes existed) gets it here
        int updated = jdbc.sql("UPDATE meeting_ballot_box SET ballots = ballots + 1 WHERE vote_id = :vote AND choice = :choice")
                .param("vote", voteId).param("choice", choice.name()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO meeting_ballot_box (vote_id, choice, ballots) VALUES (:vote, :choice, 1)")
                    .param("vote", voteId).param("choice", choice.name()).update();
        }
    }

    @Override
    public Map<VoteChoice, Integer> counts(String voteId) {
        Map<VoteChoice, Integer> counts = new EnumMap<>(VoteChoice.class);
        jdbc.sql("SELECT choice, ballots FROM meeting_ballot_box WHERE vote_id = :vote").param("vote", voteId)
                .query((rs, row) -> counts.put(VoteChoice.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return counts;
    }
}
