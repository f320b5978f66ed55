package vn.egov.backbone.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates official correspondence of a province for the search benchmark: subjects built like real
 * trích yếu (a document type, an action, a topic, a place, a period), bodies of 1 to 5 KB made of the
 * sentences such documents are made of, numbers and notations as NĐ 30 writes them. Deterministic for a
 * seed, so two runs index the same text.
 */
final class VietnameseCorpus {
    static final List<String> AGENCIES = List.of("UBND", "SNV", "STC", "SXD", "SYT", "SGDĐT", "SNN", "SCT", "STP",
            "SVHTTDL", "SKHCN", "CAT", "BCHQS");
    static final List<String> ISSUERS = List.of("Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng",
            "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Tư pháp",
            "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh");
    static final List<String[]> TYPES = List.of(new String[] {"QUYET_DINH", "Quyết định", "QĐ"},
            new String[] {"CONG_VAN", "Công văn", ""}, new String[] {"KE_HOACH", "Kế hoạch", "KH"},
            new String[] {"BAO_CAO", "Báo cáo", "BC"}, new String[] {"THONG_BAO", "Thông báo", "TB"},
            new String[] {"TO_TRINH", "Tờ trình", "TTr"}, new String[] {"CHI_THI", "Chỉ thị", "CT"},
            new String[] {"HUONG_DAN", "Hướng dẫn", "HD"});
    static final List<String> ACTIONS = List.of("về việc triển khai", "về việc đôn đốc", "về việc tăng cường",
            "phê duyệt", "ban hành quy chế", "về việc kiểm tra", "về việc tổng kết", "về việc rà soát",
            "về việc chấn chỉnh", "kết quả thực hiện", "về việc hướng dẫn thực hiện", "về việc bổ sung kinh phí cho");
    static final List<String> TOPICS = List.of("chuyển đổi số", "giải ngân vốn đầu tư công", "phòng chống thiên tai",
            "sắp xếp đơn vị hành chính", "cải cách hành chính", "tiêm chủng mở rộng", "phòng chống dịch sốt xuất huyết",
            "tuyển sinh lớp 10", "giải phóng mặt bằng", "cấp giấy chứng nhận quyền sử dụng đất", "xây dựng nông thôn mới",
            "trật tự an toàn giao thông", "phòng cháy chữa cháy", "thu gom rác thải sinh hoạt", "phát triển du lịch",
            "dự toán ngân sách nhà nước", "thi đua khen thưởng", "nhà ở xã hội", "phòng chống ma túy",
            "giải quyết việc làm", "tuyển quân", "giảm nghèo bền vững", "hòa giải ở cơ sở", "bảo vệ rừng",
            "khắc phục thẻ vàng IUU", "số hóa hồ sơ thủ tục hành chính", "chữ ký số chuyên dùng", "họp không giấy",
            "bầu cử đại biểu Hội đồng nhân dân", "quản lý trật tự xây dựng", "thủy lợi nội đồng", "bảo hiểm xã hội",
            "an toàn thông tin", "đề án 06", "khám chữa bệnh bảo hiểm y tế", "xóa nhà tạm, nhà dột nát");
    static final List<String> PLACES = List.of("xã Tân Lập", "xã Hòa Bình", "phường Đông Hưng", "đặc khu Hòn Ngư",
            "xã Thạch Sơn", "phường Bắc Sơn", "xã Quảng Phú", "xã Yên Thủy", "phường Trung Hòa", "xã Phú Lộc",
            "các xã miền núi", "các phường nội thị", "toàn tỉnh", "các xã ven biển", "khu công nghiệp phía Bắc");
    static final List<String> SENTENCES = List.of(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
            "Theo đề nghị của Giám đốc Sở tại Tờ trình số %d/TTr-%s ngày %s;",
            "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và Ủy ban nhân dân các xã, phường khẩn trương triển khai thực hiện %s.",
            "Giao %s chủ trì, phối hợp với các cơ quan liên quan tổ chức kiểm tra, đôn đốc việc thực hiện, báo cáo kết quả trước ngày %s.",
            "Kết quả thực hiện %s tại %s đạt %d%% kế hoạch năm, tăng %d%% so với cùng kỳ năm trước.",
            "Tổng kinh phí thực hiện là %d tỷ đồng từ nguồn ngân sách tỉnh và nguồn vốn lồng ghép các chương trình mục tiêu quốc gia.",
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời báo cáo về %s để tổng hợp, trình Ủy ban nhân dân tỉnh xem xét, giải quyết.",
            "Người đứng đầu cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh nếu để chậm trễ, ảnh hưởng đến tiến độ chung.",
            "Tại %s, công tác %s còn một số hạn chế: nguồn lực còn thiếu, sự phối hợp giữa các cơ quan chưa chặt chẽ.",
            "Đề nghị Ủy ban nhân dân các xã, phường chỉ đạo bộ phận một cửa tiếp nhận, giải quyết hồ sơ đúng hạn, không để tồn đọng.",
            "Thực hiện Chỉ thị số %d/CT-UBND của Ủy ban nhân dân tỉnh, %s đã ban hành kế hoạch và tổ chức quán triệt đến toàn thể cán bộ, công chức.",
            "Trong năm, toàn tỉnh đã tổ chức %d cuộc kiểm tra, phát hiện và xử lý %d trường hợp vi phạm, thu nộp ngân sách %d triệu đồng.",
            "Các cơ quan, đơn vị cập nhật số liệu trên hệ thống quản lý văn bản và điều hành, sử dụng chữ ký số khi ban hành văn bản điện tử.",
            "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở và Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành.",
            "Nơi nhận: như trên; Thường trực Tỉnh ủy; Thường trực Hội đồng nhân dân tỉnh; Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh; lưu: VT.",
            "Mục tiêu đến năm 2030, %d%% hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình, %d%% người dân hài lòng với sự phục vụ của cơ quan hành chính.",
            "Ban Chỉ đạo %s tỉnh họp định kỳ hằng quý để đánh giá tiến độ, kịp thời tháo gỡ khó khăn cho cơ sở.",
            "Đến ngày %s, các đơn vị đã giải ngân được %d tỷ đồng, đạt %d%% kế hoạch vốn được giao.",
            "Hội nghị thống nhất đánh giá: công tác %s đã có chuyển biến tích cực, nhận thức của cán bộ và nhân dân được nâng lên.");

    private final SplittableRandom random;

    VietnameseCorpus(long seed) {
        this.random = new SplittableRandom(seed);
    }

    record Generated(String id, int agency, String number, String issuer, String type, LocalDate issuedOn, String subject,
                     String body, String classification, String participant) {
    }

    Generated next(int i) {
        int agency = random.nextInt(AGENCIES.size());
        String[] type = TYPES.get(random.nextInt(TYPES.size()));
        String topic = pick(TOPICS);
        String place = pick(PLACES);
        int year = 2020 + random.nextInt(7);
        LocalDate issued = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        String number = (1 + random.nextInt(3000)) + "/" + (type[2].isEmpty() ? "" : type[2] + "-") + AGENCIES.get(agency);
        String subject = type[1] + " " + pick(ACTIONS) + " " + topic + " tại " + place + " năm " + year;
        int size = 1024 + random.nextInt(4096);
        StringBuilder body = new StringBuilder(size + 256);
        while (body.length() < size) {
            String sentence = pick(SENTENCES);
            body.append(fill(sentence, topic, place, issued)).append(' ');
        }
        // about one document in fifty is classified
        String classification = random.nextInt(50) == 0 ? "CONFIDENTIAL" : "NONE";
        return new Generated("bench-" + i, agency, number, ISSUERS.get(agency), type[0], issued, subject, body.toString(),
                classification, "official-" + random.nextInt(2000));
    }

    private String fill(String sentence, String topic, String place, LocalDate date) {
        if (!sentence.contains("%")) {
            return sentence;
        }
        // the placeholders in order: numbers, names and dates as the sentence needs them
        Object[] args = new Object[8];
        int argument = 0;
        for (int i = 0; i + 1 < sentence.length(); i++) {
            if (sentence.charAt(i) == '%' && sentence.charAt(i + 1) != '%') {
                char kind = sentence.charAt(i + 1);
                args[argument++] = kind == 'd' ? (Object) (1 + random.nextInt(999))
                        : argument % 3 == 0 ? place : argument % 3 == 1 ? topic : date.toString();
                i++;
            } else if (sentence.charAt(i) == '%') {
                i++;
            }
        }
        return String.format(sentence, args);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
