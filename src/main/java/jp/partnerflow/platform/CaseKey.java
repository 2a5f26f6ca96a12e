package jp.partnerflow.platform;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The business key of a process instance: who and what it is about, e.g. 「佐藤 花子 / PN-202611-00001」.
 * Cockpit lists instances by it, and an incident's message begins with it (IncidentsNameTheirCase).
 * Nothing looks an instance up by it: the processes carry their ids as variables.
 */
public final class CaseKey {
    /** Camunda's business key column holds 255 characters. */
    private static final int MAX = 255;

    private CaseKey() {
    }

    public static String of(Object... parts) {
        String key = Arrays.stream(parts).filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining(" / "));
        return key.length() <= MAX ? key : key.substring(0, MAX - 1) + "…";
    }
}
