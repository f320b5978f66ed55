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
    public void deposit(String voteId, VoteChoice choice) {
        // commands on one meeting are serialised (a conflicting one is retried on fresh state, this
        // transaction rolled back), so the first ballot of a choice inserts and the others add
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
