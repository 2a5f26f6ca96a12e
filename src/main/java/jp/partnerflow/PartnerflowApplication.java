package jp.partnerflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PartnerflowApplication {
    public static void main(String[] args) {
        SpringApplication.run(PartnerflowApplication.class, args);
    }
}
