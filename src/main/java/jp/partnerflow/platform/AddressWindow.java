package jp.partnerflow.platform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each client address did within the last minute (a sliding window of times), for limits per
 * address. Per node and in memory; addresses quiet for a minute are dropped once many are held.
 */
final class AddressWindow {
    private static final long MINUTE = 60_000;

    private final Map<String, Deque<Long>> times = new ConcurrentHashMap<>();

    /** How many times the address is in the window now. */
    int count(String address, long now) {
        Deque<Long> window = times.get(address);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            expire(window, now);
            return window.size();
        }
    }

    /** Adds the address to the window. */
    void add(String address, long now) {
        addBelow(address, Integer.MAX_VALUE, now);
    }

    /** Adds the address to the window if it is there fewer than {@code limit} times; whether it was added. */
    boolean addBelow(String address, int limit, long now) {
        if (times.size() > 100_000) {
            times.values().removeIf(window -> {
                synchronized (window) {
                    return window.isEmpty() || window.peekLast() < now - MINUTE;
                }
            });
        }
        Deque<Long> window = times.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (window) {
            expire(window, now);
            if (window.size() >= limit) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    private static void expire(Deque<Long> window, long now) {
        while (!window.isEmpty() && window.peekFirst() <= now - MINUTE) {
            window.pollFirst();
        }
    }
}
