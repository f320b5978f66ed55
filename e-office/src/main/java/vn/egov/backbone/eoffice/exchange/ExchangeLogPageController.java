package vn.egov.backbone.eoffice.exchange;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;

/** The agency's exchange log on a page: every package in and out, refused ones with their reason. */
@Controller
class ExchangeLogPageController {
    private final ExchangeLogQueries exchange;

    ExchangeLogPageController(ExchangeLogQueries exchange) {
        this.exchange = exchange;
    }

    @GetMapping("/exchange")
    String log(@RequestParam(required = false) ExchangeLog.Direction direction,
               @RequestParam(required = false) ExchangeLog.Outcome outcome,
               @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
               @RequestParam(required = false) String counterpart, Model model) {
        List<ExchangeLog.Entry> entries = exchange.log(null, direction, outcome, from, to, counterpart);
        model.addAttribute("entries", entries);
        model.addAttribute("direction", direction);
        model.addAttribute("outcome", outcome);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("counterpart", counterpart);
        model.addAttribute("directions", ExchangeLog.Direction.values());
        model.addAttribute("outcomes", ExchangeLog.Outcome.values());
        model.addAttribute("limited", entries.size() >= ExchangeLog.LISTED);
        return "exchange/log";
    }
}
