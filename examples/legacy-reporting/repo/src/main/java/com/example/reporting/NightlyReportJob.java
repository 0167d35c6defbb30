package com.example.reporting;

import java.io.File;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import javax.mail.internet.MimeMessage;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs inside the web process: builds last month's report every night and mails it. */
@Component
public class NightlyReportJob {

    private static final Logger LOG = LogManager.getLogger(NightlyReportJob.class);

    private final ReportService reportService;
    private final JavaMailSender mailSender;

    @Value("${reports.recipients}")
    private String recipients;

    public NightlyReportJob(ReportService reportService, JavaMailSender mailSender) {
        this.reportService = reportService;
        this.mailSender = mailSender;
    }

    @Scheduled(cron = "0 0 2 * * *")
    public void run() throws Exception {
        String month = LocalDate.now().minusMonths(1).format(DateTimeFormatter.ofPattern("yyyy-MM"));
        File report = reportService.generateMonthlyRevenue(month, null);
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true);
        helper.setTo(recipients.split(","));
        helper.setSubject("Revenue report " + month);
        helper.setText("Please find the revenue report attached.");
        helper.addAttachment(report.getName(), report);
        mailSender.send(message);
        LOG.info("Nightly report for " + month + " sent to " + recipients);
    }
}
