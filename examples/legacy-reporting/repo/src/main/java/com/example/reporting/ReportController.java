package com.example.reporting;

import java.io.File;
import java.util.List;

import javax.servlet.http.HttpSession;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ReportController {

    private final ReportService reportService;

    public ReportController(ReportService reportService) {
        this.reportService = reportService;
    }

    /** The selected cost centre is remembered in the HTTP session (in memory). */
    @PostMapping("/filter")
    public String setFilter(@RequestParam String costCentre, HttpSession session) {
        session.setAttribute("costCentre", costCentre);
        return "ok";
    }

    @GetMapping("/reports")
    public List<String> list() {
        return reportService.listReports();
    }

    @PostMapping("/reports/{month}/run")
    public String run(@PathVariable String month, HttpSession session) throws Exception {
        String costCentre = (String) session.getAttribute("costCentre");
        File report = reportService.generateMonthlyRevenue(month, costCentre);
        return report.getName();
    }

    @GetMapping("/reports/files/{name}")
    public ResponseEntity<FileSystemResource> download(@PathVariable String name) {
        File file = reportService.reportFile(name);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + file.getName())
                .body(new FileSystemResource(file));
    }
}
