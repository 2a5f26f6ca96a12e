package jp.partnerflow.line;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which node creates a rich menu design on LINE: the first to insert the design's name (unique)
 * claims it; the LINE id is written when the menu is up, and a failed creation gives the claim back.
 */
@Repository
class RichMenuClaims {
    private final JdbcClient jdbc;

    RichMenuClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the design; a DuplicateKeyException when another node has. */
    void claim(String name, Instant at) {
        jdbc.sql("INSERT INTO line_rich_menu (name, created_at) VALUES (?, ?)").params(name, Timestamp.from(at)).update();
    }

    void created(String name, String richMenuId) {
        jdbc.sql("UPDATE line_rich_menu SET rich_menu_id = ? WHERE name = ?").params(richMenuId, name).update();
    }

    void release(String name) {
        jdbc.sql("DELETE FROM line_rich_menu WHERE name = ? AND rich_menu_id IS NULL").param(name).update();
    }
}
