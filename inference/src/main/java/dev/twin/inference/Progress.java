package dev.twin.inference;

/** Told how far inference is; the CLI draws a line on a terminal, tests pass {@link #NONE}. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total) {
        }

        @Override
        public void step() {
        }

        @Override
        public void done() {
        }
    };

    void phase(String name, long total);

    void step();

    void done();
}
