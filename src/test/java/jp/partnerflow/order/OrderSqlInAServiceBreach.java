package jp.partnerflow.order;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A deliberate breach for {@code ModuleBoundariesTest}: SQL in a class that is no repository. Never a bean. */
class OrderSqlInAServiceBreach {
    JdbcClient jdbc;
}
