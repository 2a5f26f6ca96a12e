package jp.partnerflow.platform;

/**
 * The Japanese font the service draws with (PDFs, the LINE rich menu): Noto Sans JP Regular under
 * the SIL OFL, fetched by the build onto the classpath.
 */
public final class JapaneseFont {
    public static final String RESOURCE = "fonts/400Regular/NotoSansJP_400Regular.ttf";

    private JapaneseFont() {
    }
}
