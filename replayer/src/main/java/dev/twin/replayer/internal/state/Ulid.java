package dev.twin.replayer.internal.state;

import java.util.Random;

/**
 * ULIDs (https://github.com/ulid/spec): 48 bits of millisecond time then 80 random bits, written as 26 characters
 * of Crockford's base32, so they sort by creation time.
 */
final class Ulid {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Ulid() {
    }

    static String create(long epochMillis, Random random) {
        char[] out = new char[26];
        // 10 characters of time: 50 bits, the top two always zero for 48-bit time.
        long time = epochMillis & 0xFFFF_FFFF_FFFFL;
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        // 16 characters of randomness: 80 bits in two 40-bit halves.
        long high = random.nextLong() & 0xFF_FFFF_FFFFL;
        long low = random.nextLong() & 0xFF_FFFF_FFFFL;
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }
}
