-- The ballot box of secret votes: per vote and choice, how many ballots — no seat, no time, no order.
-- A secret ballot is counted here in the transaction that stores the seat's VoteCast (without its
-- choice), so that nothing in the event store links a seat to a choice; the totals go into VoteClosed.
CREATE TABLE meeting_ballot_box (
    vote_id VARCHAR(64) NOT NULL,
    choice  VARCHAR(10) NOT NULL,
    ballots INT         NOT NULL,
    PRIMARY KEY (vote_id, choice)
);
