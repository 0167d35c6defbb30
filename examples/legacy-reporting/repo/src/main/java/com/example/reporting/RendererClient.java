package com.example.reporting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/** Converts Excel workbooks to PDF with the shared pdf-renderer service. */
@Component
public class RendererClient {

    private final RestTemplate restTemplate = new RestTemplate();

    @Value("${renderer.base-url}")
    private String baseUrl;

    public byte[] toPdf(byte[] xlsx) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return restTemplate.postForObject(baseUrl + "/render?format=pdf", new HttpEntity<>(xlsx, headers), byte[].class);
    }
}
