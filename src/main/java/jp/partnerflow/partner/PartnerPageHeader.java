package jp.partnerflow.partner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every partner page names the company it is shown for (a LINE user may be a partner of several);
 * read only for pages that are rendered, not for redirects or the API.
 */
@Configuration
class PartnerPageHeader implements WebMvcConfigurer, HandlerInterceptor {
    private final Partners partners;

    PartnerPageHeader(Partners partners) {
        this.partners = partners;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/partner/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (page == null || page.getViewName() == null || !page.getViewName().startsWith("partner/")
                || signedIn == null || !(signedIn.getPrincipal() instanceof PartnerPrincipal me)) {
            return;
        }
        page.addObject("pageCompany", OwningCompanyPages.PageCompany.of(partners.companiesOf(me.partnerId()), me.partnerId()));
    }
}
