package jp.partnerflow.meisai;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableFeignClients(clients = MeisaiApi.class)
class MeisaiConfiguration {
}
