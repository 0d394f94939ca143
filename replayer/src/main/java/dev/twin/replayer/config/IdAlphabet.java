package dev.twin.replayer.config;

/** Characters the {@code prefix} id strategy draws from. */
public enum IdAlphabet {
    BASE62("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
    HEX("0123456789abcdef"),
    LOWERHEX("0123456789abcdef"),
    UPPERHEX("0123456789ABCDEF"),
    DIGITS("0123456789"),
    LOWER("abcdefghijklmnopqrstuvwxyz"),
    UPPER("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private final String chars;

    IdAlphabet(String chars) {
        this.chars = chars;
    }

    public String chars() {
        return chars;
    }
}
