package com.example.reporting;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
public class ReportService {

    private static final Logger LOG = LogManager.getLogger(ReportService.class);

    private final JdbcTemplate jdbc;
    private final RendererClient renderer;

    @Value("${reports.output-dir}")
    private String outputDir;

    public ReportService(JdbcTemplate jdbc, RendererClient renderer) {
        this.jdbc = jdbc;
        this.renderer = renderer;
    }

    public File generateMonthlyRevenue(String month, String costCentre) throws IOException {
        LOG.info("Generating revenue report for " + month + " cost centre " + costCentre);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT cost_centre, account, SUM(amount) AS total FROM bookings "
                        + "WHERE to_char(booked_on, 'YYYY-MM') = ? AND (? IS NULL OR cost_centre = ?) "
                        + "GROUP BY cost_centre, account ORDER BY cost_centre, account",
                month, costCentre, costCentre);

        File xlsx = new File(outputDir, "revenue-" + month + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); FileOutputStream out = new FileOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("Revenue " + month);
            int r = 0;
            Row header = sheet.createRow(r++);
            header.createCell(0).setCellValue("Cost centre");
            header.createCell(1).setCellValue("Account");
            header.createCell(2).setCellValue("Total");
            for (Map<String, Object> row : rows) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(String.valueOf(row.get("cost_centre")));
                line.createCell(1).setCellValue(String.valueOf(row.get("account")));
                line.createCell(2).setCellValue(((BigDecimal) row.get("total")).doubleValue());
            }
            workbook.write(out);
        }

        byte[] pdf = renderer.toPdf(Files.readAllBytes(xlsx.toPath()));
        File pdfFile = new File(outputDir, "revenue-" + month + ".pdf");
        Files.write(pdfFile.toPath(), pdf);
        LOG.info("Report written to " + pdfFile.getAbsolutePath());
        return pdfFile;
    }

    public List<String> listReports() {
        String[] names = new File(outputDir).list();
        return names == null ? List.of() : Arrays.stream(names).sorted().collect(Collectors.toList());
    }

    public File reportFile(String name) {
        return new File(outputDir, new File(name).getName());
    }
}
