package courtyard.infra;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import courtyard.infra.store.IndexedH2Backend;
import io.netty.channel.Channel;

/**
 * Local MongoDB-wire server for Courtyard: mongo-java-server 1.47.0 on 127.0.0.1 with either the
 * H2 MVStore file backend (durable) or the in-memory backend.
 *
 * <p>Usage: {@code MongoWireServer --port N [--bind 127.0.0.1] [--backend h2|memory] [--file /abs/data.mv]}
 *
 * <p>Why a launcher of our own: the stock {@code H2MongoServer} opens the MVStore with its default
 * background auto-commit, which writes changes to the file about once a second. A write the client
 * saw acknowledged is then lost if the process is killed within that second (measured: 264 and 981 of
 * 2,000 acknowledged inserts lost on kill -9). Here the store is opened with auto-commit disabled and
 * every write command commits the store before its reply is sent, so an acknowledged write is in the
 * file (OS page cache) when the client hears about it. This covers process death (kill -9, OOM),
 * not power loss: no fsync per write, which would cost milliseconds on every write for a dev/test server.
 *
 * <p>Without MVStore's background thread nothing reclaims space: every commit writes a new chunk, and
 * with the default 45 s retention the file grew by ~25 KB per write (250 MB after 12,000 writes). So the
 * retention time is 0 (it only protects against the OS losing buffered writes, i.e. power loss, which this
 * server does not promise to survive anyway) and a daemon thread compacts sparse chunks every few seconds.
 * Measured: the same workload stays at ~6 MB, and 30 rounds of kill -9 under 8 concurrent writers with
 * compaction running lost no acknowledged write.
 */
public final class MongoWireServer {

    /** Commands that change data or metadata; lower-cased because the server matches commands case-insensitively. */
    private static final Set<String> WRITE_COMMANDS = Set.of(
        "insert", "update", "delete", "findandmodify", "create", "createindexes",
        "drop", "dropdatabase", "dropindexes", "renamecollection");

    /** Compact when live data fills less than this share (percent) of the chunks... */
    private static final int COMPACT_BELOW_FILL_PERCENT = 50;
    /** ...checked this often... */
    private static final long COMPACT_EVERY_MS = 5_000;
    /** ...rewriting at most this many bytes per run, so a pass never stalls writers for long. */
    private static final int COMPACT_MAX_WRITE_BYTES = 8 * 1024 * 1024;

    /**
     * Page cache as a share of the heap (MVStore's default is a fixed 16 MB). Each command that misses the
     * cache reads and Java-deserializes a whole page of documents, so a cache the working set fits in cut the
     * server's CPU per intake by about a fifth (infra/README.md, "CPU per write").
     */
    private static final int CACHE_SHARE_OF_HEAP = 5;

    private MongoWireServer() {
    }

    /** H2 backend that commits the MVStore after every write command, before the reply goes out. */
    static final class CommitAfterWriteH2Backend extends IndexedH2Backend {

        private final MVStore store;

        CommitAfterWriteH2Backend(MVStore store) {
            super(store);
            this.store = store;
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            // Pins the store version this command reads from until it has answered. The retention time
            // is 0, so without the pin a commit by another client or a compaction pass may free a chunk
            // a long read is still walking (a $match + $group streaming over an index failed with
            // "Chunk 1330 not found" at 100,000 surveys). Old chunks are kept only while a command
            // that started on them runs.
            MVStore.TxCounter reading = store.registerVersionUsage();
            try {
                if (!isWrite(command, query)) {
                    return super.handleCommand(channel, database, command, query);
                }
                try {
                    return super.handleCommand(channel, database, command, query);
                } finally {
                    // Also on failure: a write that failed half way (e.g. a multi-document insert hitting a
                    // duplicate key) has already applied its first part, and that part must not sit
                    // uncommitted until some later write. If commit() itself throws, the client gets an
                    // error instead of an acknowledgement, which is the correct outcome.
                    commit();
                }
            } finally {
                store.deregisterVersionUsage(reading);
            }
        }

        private static boolean isWrite(String command, Document query) {
            String name = command.toLowerCase(Locale.ROOT);
            if (WRITE_COMMANDS.contains(name)) {
                return true;
            }
            // An aggregation ending in $out or $merge writes a collection.
            if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> stages) {
                for (Object stage : stages) {
                    if (stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge"))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private record Options(String bind, int port, String backend, String file) {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("mongo-wire: " + e.getMessage());
            System.err.println("usage: MongoWireServer --port N [--bind 127.0.0.1] [--backend h2|memory] [--file /abs/path.mv]");
            System.exit(2);
            return;
        }
        configureLogging();

        MongoBackend backend;
        String description;
        if (options.backend().equals("memory")) {
            backend = new MemoryBackend();
            description = "memory";
        } else {
            File file = new File(options.file()).getAbsoluteFile();
            File parent = file.getParentFile();
            if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
                System.err.println("mongo-wire: cannot create directory " + parent);
                System.exit(1);
                return;
            }
            // No compress(): LZF took a fifth of the server's CPU (profiled under 100 intakes/s through the
            // gateway), because every write commits its pages again. It more than halved the bytes on disk per
            // document, which a dev/test server can spare; infra/README.md has both figures. Files written
            // compressed still open: each page says whether it is compressed.
            MVStore store = new MVStore.Builder()
                .fileName(file.getPath())
                .autoCommitDisabled()
                .cacheSize(cacheMegabytes())
                .open();
            store.setRetentionTime(0);
            CommitAfterWriteH2Backend h2 = new CommitAfterWriteH2Backend(store);
            startCompaction(store, h2);
            backend = h2;
            description = "h2 " + file.getPath();
        }

        MongoServer server = new MongoServer(backend);
        try {
            server.bind(options.bind(), options.port());
        } catch (RuntimeException e) {
            // bind() already shut the server down (and closed the store); typically "Address already in use".
            System.err.println("mongo-wire: cannot listen on " + options.bind() + ":" + options.port() + ": " + e);
            System.exit(1);
            return;
        }
        // shutdownNow() closes the backend, which closes the MVStore (a final commit and file close).
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-wire-shutdown"));

        System.out.println("mongo-wire listening on " + options.bind() + ":" + options.port() + " (" + description + ")");
        System.out.flush();
    }

    /** The page cache in MB: a fixed share of the heap, so a small heap (a test's -Xmx64m) is not overrun. */
    static int cacheMegabytes() {
        long heapMegabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return (int) Math.max(4, heapMegabytes / CACHE_SHARE_OF_HEAP);
    }

    /**
     * Rewrites live pages out of mostly-dead chunks so their space can be reused. The rewritten pages are
     * ordinary unsaved changes, made durable by the commit() that follows (or by the next write's commit);
     * being killed in between loses nothing, because the old copies are still the committed ones.
     */
    private static void startCompaction(MVStore store, H2Backend backend) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mvstore-compaction");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (!store.isClosed() && store.getFileStore().getChunksFillRate() < COMPACT_BELOW_FILL_PERCENT) {
                    store.compact(COMPACT_BELOW_FILL_PERCENT, COMPACT_MAX_WRITE_BYTES);
                    backend.commit();
                }
            } catch (RuntimeException e) {
                // Never let one failed pass cancel the schedule; the store stays consistent either way.
                if (!store.isClosed()) {
                    System.err.println("mongo-wire: compaction failed: " + e);
                }
            }
        }, COMPACT_EVERY_MS, COMPACT_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private static Options parse(String[] args) {
        String bind = "127.0.0.1";
        int port = 27017;
        String backend = "h2";
        String file = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port must be an integer, got " + value);
                    }
                    if (port < 1 || port > 65535) {
                        throw new IllegalArgumentException("--port must be 1..65535, got " + value);
                    }
                }
                case "--bind" -> bind = value;
                case "--backend" -> {
                    if (!value.equals("h2") && !value.equals("memory")) {
                        throw new IllegalArgumentException("--backend must be h2 or memory, got " + value);
                    }
                    backend = value;
                }
                case "--file" -> file = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (backend.equals("h2") && file == null) {
            throw new IllegalArgumentException("--file is required with --backend h2");
        }
        return new Options(bind, port, backend, file);
    }

    /**
     * slf4j-simple reads system properties once, when the first logger is created, so they are set here
     * before any server class loads. A -D on the command line still wins. Per-connection INFO lines
     * ("client connected", "channel closed") would fill the log during test runs, so those log WARN.
     */
    private static void configureLogging() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoDatabaseHandler", "warn");
        setDefault("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoWireProtocolHandler", "warn");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
