package vn.egov.backbone.meetings.minutes;

import vn.egov.backbone.core.official.OfficialQueries.Name;
import vn.egov.backbone.core.shared.DisplayDates;
import vn.egov.backbone.meetings.meeting.api.PercentBase;
import vn.egov.backbone.meetings.meeting.api.Presence;
import vn.egov.backbone.meetings.meeting.api.SpeechKind;
import vn.egov.backbone.meetings.meeting.api.VoteChoice;
import vn.egov.backbone.meetings.meeting.api.VoteResult;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The draft of the minutes as text, from what the meeting's events say ({@link MeetingHistory}), in the order of
 * a biên bản (NĐ 30/2020, Phụ lục III): time and place, who chaired and who kept the record, who attended, then
 * each agenda item with its documents, speeches and votes, then the conclusions. The minutes are an official
 * document in Vietnamese whatever language the secretary's page is in, so the wording is here and not in the
 * pages' message bundles. The secretary edits the draft before the chair approves it.
 */
final class MinutesText {
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(DisplayDates.VIETNAM);

    private final MeetingHistory history;
    private final Map<String, Name> names;
    private final StringBuilder text = new StringBuilder();

    private MinutesText(MeetingHistory history, Map<String, Name> names) {
        this.history = history;
        this.names = names;
    }

    /**
     * @param names     the officials the history names ({@link MeetingHistory#people()}), by id
     * @param unitNames a unit's name by id (the endpoints' count needs none; the host is named)
     */
    static String compose(MeetingHistory history, Map<String, Name> names, Function<String, String> unitNames) {
        return new MinutesText(history, names).write(unitNames);
    }

    private String write(Function<String, String> unitNames) {
        var details = history.details;
        line("Cơ quan chủ trì: " + Objects.requireNonNullElse(unitNames.apply(details.hostUnitId()), ""));
        Instant start = history.startedAt != null ? history.startedAt : details.startsAt();
        line("Thời gian: bắt đầu lúc " + clock(start) + " ngày " + date(start)
                + (history.endedAt == null ? "" : ", kết thúc lúc " + clock(history.endedAt)
                + (date(history.endedAt).equals(date(start)) ? " cùng ngày" : " ngày " + date(history.endedAt))) + ".");
        if (details.location() != null && !details.location().isBlank()) {
            line("Địa điểm: " + details.location() + ".");
        }
        line("Hình thức: " + switch (details.kind()) {
            case IN_PERSON -> "họp trực tiếp";
            case VIDEO_CONFERENCE -> "hội nghị trực tuyến";
            case HYBRID -> "trực tiếp kết hợp trực tuyến";
        } + (details.kind().usesVideo() && !details.endpointUnitIds().isEmpty()
                ? ", " + details.endpointUnitIds().size() + " điểm cầu" : "") + ".");
        line("Chủ trì: " + nameAndPosition(details.chairId()) + ".");
        line("Thư ký: " + nameAndPosition(details.secretaryId()) + ".");

        blank();
        line("I. THÀNH PHẦN THAM DỰ");
        long present = history.seats.values().stream().filter(seat -> seat.presence.present()).count();
        line("Có mặt " + present + "/" + history.seats.size() + " thành viên.");
        int number = 1;
        for (MeetingHistory.Seat seat : history.seats.values()) {
            line(number++ + ". " + nameAndPosition(seat.memberId) + ": " + attendance(seat) + ".");
        }

        blank();
        line("II. NỘI DUNG");
        int position = 1;
        for (MeetingHistory.Item item : history.agenda) {
            if (position > 1) {
                blank();
            }
            line(position++ + ". " + item.title());
            if (item.presenterId() != null) {
                line("Trình bày: " + name(item.presenterId()) + ".");
            }
            documents(item.itemId());
            speeches(item.itemId());
            history.votes.values().stream().filter(vote -> item.itemId().equals(vote.itemId)).forEach(this::vote);
        }
        if (history.agenda.isEmpty()) {
            line("(Không có chương trình.)");
        }
        documents(null);

        blank();
        line("III. KẾT LUẬN");
        if (history.conclusions.isEmpty()) {
            line("(Thư ký ghi ý kiến kết luận của người chủ trì.)");
        }
        history.conclusions.forEach(conclusion -> {
            line(conclusion.subject());
            line(conclusion.body());
        });
        blank();
        line(history.endedAt == null ? "Cuộc họp chưa kết thúc khi dự thảo biên bản này được lập."
                : "Cuộc họp kết thúc lúc " + clock(history.endedAt) + " ngày " + date(history.endedAt) + ".");
        return text.toString().strip() + "\n";
    }

    private String attendance(MeetingHistory.Seat seat) {
        String deputy = seat.deputyId == null ? "" : "cử " + name(seat.deputyId) + " dự thay; ";
        String who = seat.attendeeId != null && !seat.attendeeId.equals(seat.memberId) ? name(seat.attendeeId) + " " : "";
        return switch (seat.presence) {
            case IN_PERSON -> deputy + who + "có mặt trực tiếp (điểm danh lúc " + clock(seat.checkedInAt) + ")";
            case ONLINE -> deputy + who + "dự trực tuyến (vào phòng họp lúc " + clock(seat.checkedInAt) + ")";
            case ABSENT -> "vắng mặt" + (seat.absentBecause == null || seat.absentBecause.isBlank() ? ""
                    : ", lý do: " + seat.absentBecause);
            case NOT_CHECKED_IN -> seat.declinedBecause != null ? "không dự, đã báo: " + seat.declinedBecause
                    : deputy + "không điểm danh";
        };
    }

    private void documents(String itemId) {
        List<String> titles = history.documents.stream().filter(document -> Objects.equals(document.itemId(), itemId))
                .map(MeetingHistory.Document::title).toList();
        if (!titles.isEmpty()) {
            line((itemId == null ? "Tài liệu chung của cuộc họp: " : "Tài liệu: ") + String.join("; ", titles) + ".");
        }
    }

    private void speeches(String itemId) {
        List<MeetingHistory.Speech> spoken = history.speeches.values().stream()
                .filter(speech -> speech.itemId.equals(itemId) && speech.given).toList();
        if (spoken.isEmpty()) {
            return;
        }
        line("Ý kiến phát biểu:");
        spoken.forEach(speech -> line("- " + name(speech.speakerId) + kind(speech.kind)
                + (speech.spokeSeconds == null ? "" : ": " + duration(speech.spokeSeconds)) + "."));
    }

    private void vote(MeetingHistory.Vote vote) {
        line("Biểu quyết " + (vote.secret ? "kín" : "công khai") + ": " + vote.question);
        VoteResult result = vote.result;
        if (result == null) {
            line("- Chưa kết thúc biểu quyết.");
            return;
        }
        String base = vote.base == PercentBase.PRESENT ? "số thành viên có mặt" : "tổng số thành viên";
        line("- Tán thành " + result.yes() + "/" + result.base() + " (" + percent(result.yesPercent()) + "), không tán thành "
                + result.no() + " (" + percent(result.noPercent()) + "), không biểu quyết " + result.abstain() + " ("
                + percent(result.abstainPercent()) + "), chưa biểu quyết " + result.notVoted() + "; tỷ lệ tính trên " + base + ".");
        line("- Kết quả: " + (result.adopted() ? "thông qua" : "không thông qua") + ".");
        if (!vote.secret) {
            for (VoteChoice choice : VoteChoice.values()) {
                List<String> voters = vote.choices.entrySet().stream().filter(entry -> entry.getValue() == choice)
                        .map(entry -> name(entry.getKey())).toList();
                if (!voters.isEmpty()) {
                    line("- " + switch (choice) {
                        case YES -> "Tán thành";
                        case NO -> "Không tán thành";
                        case ABSTAIN -> "Không biểu quyết";
                    } + ": " + String.join(", ", voters) + ".");
                }
            }
        }
        if (!vote.writtenOpinions.isEmpty()) {
            line("- Phiếu lấy ý kiến bằng văn bản của thành viên vắng mặt: "
                    + String.join(", ", vote.writtenOpinions.stream().map(this::name).toList()) + ".");
        }
    }

    private static String kind(SpeechKind kind) {
        return switch (kind) {
            case SPEECH -> "";
            case FOR -> " (tán thành)";
            case AGAINST -> " (phản đối)";
            case POINT_OF_ORDER -> " (ý kiến về thủ tục)";
        };
    }

    private static String duration(long seconds) {
        long minutes = seconds / 60;
        long rest = seconds % 60;
        List<String> parts = new ArrayList<>();
        if (minutes > 0) {
            parts.add(minutes + " phút");
        }
        if (rest > 0 || minutes == 0) {
            parts.add(rest + " giây");
        }
        return String.join(" ", parts);
    }

    private static String percent(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(VIETNAMESE);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value) + "%";
    }

    private String name(String officialId) {
        Name name = names.get(officialId);
        return name == null ? officialId : name.fullName();
    }

    private String nameAndPosition(String officialId) {
        Name name = names.get(officialId);
        if (name == null) {
            return Objects.requireNonNullElse(officialId, "");
        }
        return name.position() == null || name.position().isBlank() ? name.fullName() : name.fullName() + ", " + name.position();
    }

    private static String clock(Instant at) {
        ZonedDateTime local = at.atZone(DisplayDates.VIETNAM);
        return String.format("%02d giờ %02d", local.getHour(), local.getMinute());
    }

    private static String date(Instant at) {
        return DATE.format(at);
    }

    private void line(String line) {
        text.append(line).append('\n');
    }

    private void blank() {
        text.append('\n');
    }
}
