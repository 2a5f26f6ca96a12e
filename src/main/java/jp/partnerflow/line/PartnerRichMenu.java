package jp.partnerflow.line;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.RichMenuArea;
import com.linecorp.bot.messaging.model.RichMenuBounds;
import com.linecorp.bot.messaging.model.RichMenuRequest;
import com.linecorp.bot.messaging.model.RichMenuResponse;
import com.linecorp.bot.messaging.model.RichMenuSize;
import com.linecorp.bot.messaging.model.URIAction;

import jp.partnerflow.platform.JapaneseFont;

/**
 * The partners' way in from the LINE chat: a rich menu whose areas open their pages (signed in
 * through LINE Login as from any notice). Its image is drawn here with the service's Japanese font.
 * At start-up it is created once for the cluster (the design's hash is in its name and claimed in
 * the database), its image uploaded, and it is made the account's default menu; menus of earlier
 * designs are deleted. Changing the menu is changing {@link #AREAS}.
 */
@Component
class PartnerRichMenu {
    /** The menu: label and page, left to right, top to bottom (3 × 2). */
    static final List<Area> AREAS = List.of(
            new Area("ホーム", "/partner"),
            new Area("発注書", "/partner/orders"),
            new Area("稼動を登録", "/partner/work-reports"),
            new Area("請求書", "/partner/invoices"),
            new Area("支払通知書", "/partner/payment-notices"),
            new Area("設定", "/partner/settings"));
    static final int WIDTH = 2500;
    static final int HEIGHT = 843;
    private static final int COLUMNS = 3;
    private static final String NAME_PREFIX = "partnerflow ";
    private static final Logger log = LoggerFactory.getLogger(PartnerRichMenu.class);

    record Area(String label, String page) {
    }

    private final LineMessenger line;
    private final RichMenuClaims claims;
    private final Clock clock;
    private final String publicBaseUrl;

    PartnerRichMenu(LineMessenger line, RichMenuClaims claims, Clock clock,
            @Value("${partnerflow.public-base-url}") String publicBaseUrl) {
        this.line = line;
        this.claims = claims;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    @EventListener(ApplicationReadyEvent.class)
    void installAtStartUp() {
        if (!line.enabled()) {
            return;
        }
        try {
            install();
        } catch (LinePushException e) {
            log.warn("the partners' rich menu could not be set up on LINE (it is tried again at the next start): {}",
                    e.getMessage());
        }
    }

    /** Makes this design the account's default menu, creating it unless it exists; idempotent. */
    void install() {
        RichMenuRequest menu = design();
        List<RichMenuResponse> existing = line.richMenus();
        Optional<RichMenuResponse> current = existing.stream().filter(m -> menu.name().equals(m.name())).findFirst();
        if (current.isPresent()) {
            line.setDefaultRichMenu(current.get().richMenuId());
            deleteEarlier(existing, menu.name());
            return;
        }
        try {
            claims.claim(menu.name(), clock.instant());
        } catch (DuplicateKeyException anotherNode) {
            return; // another node creates it (or did, and LINE lists it at the next start)
        }
        try {
            String id = line.createRichMenu(menu);
            line.setRichMenuImage(id, image());
            line.setDefaultRichMenu(id);
            claims.created(menu.name(), id);
            deleteEarlier(existing, menu.name());
            log.info("the partners' rich menu '{}' ({}) is the default menu on LINE", menu.name(), id);
        } catch (RuntimeException e) {
            claims.release(menu.name());
            throw e;
        }
    }

    private void deleteEarlier(List<RichMenuResponse> existing, String current) {
        existing.stream().filter(m -> m.name() != null && m.name().startsWith(NAME_PREFIX) && !m.name().equals(current))
                .forEach(m -> line.deleteRichMenu(m.richMenuId()));
    }

    /** The menu as LINE takes it; its name carries the hash of what it shows and where it leads. */
    RichMenuRequest design() {
        List<RichMenuArea> areas = new ArrayList<>();
        // a new drawing of the image is a new design too: bump the version with it
        StringBuilder content = new StringBuilder("image v1 " + WIDTH + "x" + HEIGHT);
        for (int i = 0; i < AREAS.size(); i++) {
            Area area = AREAS.get(i);
            Cell cell = cell(i);
            URI page = URI.create(publicBaseUrl + area.page());
            areas.add(new RichMenuArea(new RichMenuBounds((long) cell.x(), (long) cell.y(), (long) cell.width(),
                    (long) cell.height()), new URIAction(area.label(), page, null)));
            content.append('|').append(area.label()).append('>').append(page);
        }
        return new RichMenuRequest(new RichMenuSize((long) WIDTH, (long) HEIGHT), true, NAME_PREFIX + hash(content),
                "メニュー", areas);
    }

    private record Cell(int x, int y, int width, int height) {
    }

    private static Cell cell(int index) {
        int rows = (AREAS.size() + COLUMNS - 1) / COLUMNS;
        int column = index % COLUMNS;
        int row = index / COLUMNS;
        int x = WIDTH * column / COLUMNS;
        int y = HEIGHT * row / rows;
        return new Cell(x, y, WIDTH * (column + 1) / COLUMNS - x, HEIGHT * (row + 1) / rows - y);
    }

    /** The menu's image: each area's label on a tile, in the service's Japanese font (PNG, far under LINE's 1 MB). */
    byte[] image() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font().deriveFont(110f));
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < AREAS.size(); i++) {
                Cell cell = cell(i);
                g.setColor(i % 2 == 0 ? new Color(0x06C755) : new Color(0x05A847));
                g.fillRect(cell.x(), cell.y(), cell.width(), cell.height());
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(6));
                g.drawRect(cell.x(), cell.y(), cell.width(), cell.height());
                String label = AREAS.get(i).label();
                int textX = cell.x() + (cell.width() - metrics.stringWidth(label)) / 2;
                int textY = cell.y() + (cell.height() - metrics.getHeight()) / 2 + metrics.getAscent();
                g.drawString(label, textX, textY);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static Font font() {
        try (InputStream in = new ClassPathResource(JapaneseFont.RESOURCE).getInputStream()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the font " + JapaneseFont.RESOURCE + " cannot be read: build with Maven, which fetches it", e);
        }
    }

    private static String hash(CharSequence content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
