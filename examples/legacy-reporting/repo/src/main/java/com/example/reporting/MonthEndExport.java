package com.example.reporting;

import java.io.FileWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.opencsv.CSVWriter;

/** Month-end CSV export for the ERP upload; started by k8s/report-export-pod.yaml. */
public class MonthEndExport {

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ReportingApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        String month = LocalDate.now().minusMonths(1).format(DateTimeFormatter.ofPattern("yyyy-MM"));
        List<String[]> rows = jdbc.query(
                "SELECT cost_centre, account, amount, booked_on FROM bookings WHERE to_char(booked_on, 'YYYY-MM') = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                month);
        try (CSVWriter writer = new CSVWriter(new FileWriter("/data/reports/erp-export-" + month + ".csv"))) {
            writer.writeNext(new String[] {"cost_centre", "account", "amount", "booked_on"});
            writer.writeAll(rows);
        }
        ctx.close();
    }
}
