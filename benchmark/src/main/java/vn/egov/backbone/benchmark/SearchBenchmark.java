package vn.egov.backbone.benchmark;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import vn.egov.backbone.eoffice.document.ReaderScope;
import vn.egov.backbone.search.index.IndexedRecord;
import vn.egov.backbone.search.index.SearchIndex;
import vn.egov.backbone.search.query.SearchRequest;
import vn.egov.backbone.search.query.SearchResult;
import vn.egov.backbone.search.query.SearchQueries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The search benchmark of issue 6, in one JVM: index N generated documents of 1-5 KB into Backbone's
 * index (two writer threads, as many as the machine has cores), measure query latency with the access
 * filter for short, long, phrase, number and question (20-40 syllables) queries, measure the near-real-time delay under 500
 * updates per second, and run a plain Lucene baseline (StandardAnalyzer, no access filter) on the same
 * documents for comparison.
 * <p>
 * {@code MAVEN_OPTS=-Xmx3g mvn -B -q -Pbenchmarks -pl benchmark compile exec:java -Dbenchmark.main=vn.egov.backbone.benchmark.SearchBenchmark -Dexec.args="300000"}
 * <p>
 * With a folder after the count ({@code -Dexec.args="300000 /tmp/search-bench"}) the indexes are kept
 * there and a later run with the same arguments measures only the queries on them (no NRT phase); a
 * third argument picks the kinds of query ({@code short,long,phrase,number,question}).
 */
public final class SearchBenchmark {
    private static final int THREADS = 2;
    private static final int QUERIES = 300;
    private static final int WARMUP = 60;
    /** Documents per projection batch (the search processor's batch size). */
    private static final int BATCH = 200;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        // An optional folder keeps the indexes for the next run, which then measures only the queries:
        // indexing 300,000 documents twice takes minutes, a query change needs only the query phase.
        Path root = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("backbone-search-bench");
        Path built = root.resolve("built-" + count);
        boolean reuse = Files.exists(built);
        System.out.printf("Search benchmark: %,d documents, %d threads, %d cores, index under %s%s%n", count, THREADS,
                Runtime.getRuntime().availableProcessors(), root, reuse ? " (built by an earlier run: queries only)" : "");

        // 1. Backbone's index: Vietnamese analysis, access fields, stored state
        SearchIndex index = new SearchIndex(root.resolve("backbone").toString(), JsonMapper.builder().findAndAddModules().build());
        Analyzer standard = new StandardAnalyzer();
        FSDirectory plainDir = FSDirectory.open(root.resolve("plain"));
        if (!reuse) {
            long start = System.nanoTime();
            indexInParallel(count, d -> {
                if (d == null) {
                    index.publish(index.commitData());
                } else {
                    index.put(record(d), d.body(), true);
                }
                return null;
            });
            index.commit(index.commitData());
            double backboneSeconds = (System.nanoTime() - start) / 1e9;
            long backboneBytes = size(root.resolve("backbone"));

            // 2. Plain Lucene on the same documents
            IndexWriter plain = new IndexWriter(plainDir, new IndexWriterConfig(standard).setRAMBufferSizeMB(64));
            start = System.nanoTime();
            indexInParallel(count, d -> {
                if (d == null) {
                    return null;
                }
                Document doc = new Document();
                doc.add(new StringField("id", d.id(), Field.Store.YES));
                doc.add(new StringField("number", d.number(), Field.Store.NO));
                doc.add(new TextField("subject", d.subject(), Field.Store.YES));
                doc.add(new TextField("body", d.body(), Field.Store.YES));
                try {
                    plain.addDocument(doc);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
            plain.commit();
            plain.close();
            double plainSeconds = (System.nanoTime() - start) / 1e9;
            long plainBytes = size(root.resolve("plain"));

            System.out.printf("%nIndexing            docs/s      size   (ratio plain/backbone)%n");
            System.out.printf("backbone        %,9.0f  %6.0f MB%n", count / backboneSeconds, backboneBytes / 1e6);
            System.out.printf("plain Lucene    %,9.0f  %6.0f MB   %.2f×%n", count / plainSeconds, plainBytes / 1e6,
                    backboneSeconds / plainSeconds);
        }

        // 3. Query latency: a specialist of one agency (about 1/13 of the documents) and its participants
        SearchQueries search = new SearchQueries(index);
        ReaderScope specialist = new ReaderScope("official-17", false, Set.of("A3"), Set.of("A3.P1"), Set.of(), Set.of());
        DirectoryReader plainReader = DirectoryReader.open(plainDir);
        IndexSearcher plainSearcher = new IndexSearcher(plainReader);
        Map<String, List<String>> queries = queries();
        System.out.printf("%nQueries (ms)     backbone+access p50   p99  | plain p50   p99   hits(backbone, mean)%n");
        // an optional third argument names the kinds of query to run (e.g. "long", for a profiler)
        Set<String> kinds = args.length > 2 ? Set.of(args[2].split(",")) : queries.keySet();
        // every kind warmed before any is measured: the first kind measured in a fresh JVM otherwise paid for the
        // compiler still at work (long queries run first: p99 50-64 ms; the same after the short ones: 38-48 ms)
        for (Map.Entry<String, List<String>> kind : queries.entrySet()) {
            for (int i = 0; kinds.contains(kind.getKey()) && i < WARMUP; i++) {
                String q = kind.getValue().get(Math.floorMod(-1 - i, kind.getValue().size()));
                search.search(specialist, SearchRequest.text(q));
                plainSearcher.search(plainQuery(standard, q), 10);
            }
        }
        for (Map.Entry<String, List<String>> kind : queries.entrySet()) {
            if (!kinds.contains(kind.getKey())) {
                continue;
            }
            long[] ours = new long[QUERIES];
            long[] theirs = new long[QUERIES];
            long hits = 0;
            for (int i = 0; i < QUERIES; i++) {
                String q = kind.getValue().get(Math.floorMod(i, kind.getValue().size()));
                long t0 = System.nanoTime();
                SearchResult result = search.search(specialist, SearchRequest.text(q));
                long t1 = System.nanoTime();
                plainSearcher.search(plainQuery(standard, q), 10);
                long t2 = System.nanoTime();
                ours[i] = t1 - t0;
                theirs[i] = t2 - t1;
                hits += result.total();
            }
            System.out.printf("%-16s %20.1f %5.1f  | %9.1f %5.1f   %,d%n", kind.getKey(), percentile(ours, 50),
                    percentile(ours, 99), percentile(theirs, 50), percentile(theirs, 99), hits / QUERIES);
        }
        plainReader.close();

        // 4. Near-real-time: updates written as the projection writes them, at the target rate and lower
        // (not on a kept index: the next run would find these documents in it)
        if (args.length > 1) {
            if (!reuse) {
                Files.createFile(built);
            }
        } else {
            nrt(index, search, 500);
            nrt(index, search, 200);
        }
        index.close();
        System.out.println("\n(" + root + " can be deleted)");
    }

    private static IndexedRecord record(VietnameseCorpus.Generated d) {
        IndexedRecord r = new IndexedRecord(d.id(), "INCOMING");
        r.agencyId = "A" + d.agency();
        r.number = d.number();
        r.issuer = d.issuer();
        r.type = d.type();
        r.subject = d.subject();
        r.issuedOn = d.issuedOn();
        r.classification = d.classification();
        r.status = "REGISTERED";
        r.urgency = "NORMAL";
        r.participants.add(d.participant());
        return r;
    }

    /** Each thread generates its own share of the documents (deterministically) and writes them. */
    private static void indexInParallel(int count, Function<VietnameseCorpus.Generated, Void> write) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int share = t;
            threads.add(Thread.ofPlatform().start(() -> {
                VietnameseCorpus corpus = new VietnameseCorpus(42 + share);
                for (int i = share; i < count; i += THREADS) {
                    write.apply(corpus.next(i));
                    if ((i / THREADS) % BATCH == BATCH - 1) {
                        write.apply(null); // end of a batch, as the projection's
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static Map<String, List<String>> queries() {
        SplittableRandom random = new SplittableRandom(7);
        VietnameseCorpus numbers = new VietnameseCorpus(42);
        Map<String, List<String>> queries = new LinkedHashMap<>();
        List<String> shortQ = new ArrayList<>();
        List<String> longQ = new ArrayList<>();
        List<String> phrase = new ArrayList<>();
        List<String> number = new ArrayList<>();
        List<String> question = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String topic = VietnameseCorpus.TOPICS.get(random.nextInt(VietnameseCorpus.TOPICS.size()));
            String place = VietnameseCorpus.PLACES.get(random.nextInt(VietnameseCorpus.PLACES.size()));
            String action = VietnameseCorpus.ACTIONS.get(random.nextInt(VietnameseCorpus.ACTIONS.size()));
            shortQ.add(i % 2 == 0 ? topic : fold(topic));
            longQ.add(fold(action + " " + topic + " tại " + place + " năm " + (2020 + random.nextInt(7))));
            phrase.add("\"" + topic + "\"");
            question.add(i % 2 == 0 ? question(random) : fold(question(random)));
        }
        // numbers of documents the benchmark's specialist may read (agency 3), as the first writer thread wrote them
        for (int i = 0; number.size() < 100; i += THREADS) {
            VietnameseCorpus.Generated d = numbers.next(i);
            if (d.agency() == 3 && d.classification().equals("NONE")) {
                number.add(d.number());
            }
        }
        queries.put("short", shortQ);
        queries.put("long", longQ);
        queries.put("phrase", phrase);
        queries.put("number", number);
        queries.put("question", question);
        return queries;
    }

    private static final List<String> ASKING = List.of("Theo quy định hiện hành thì", "Cho tôi hỏi", "Xin hỏi",
            "Đề nghị cho biết");
    private static final List<String> ASKED = List.of("do cơ quan nào chịu trách nhiệm và thời hạn hoàn thành là khi nào?",
            "thì hồ sơ gồm những giấy tờ gì và nộp ở đâu?", "có phải báo cáo Ủy ban nhân dân tỉnh không, nếu có thì trước ngày nào?",
            "được thực hiện như thế nào và kinh phí lấy từ nguồn nào?");

    /** A question as an official or a citizen asks it: 20 to 40 syllables, most of them not the subject's words. */
    private static String question(SplittableRandom random) {
        StringBuilder q = new StringBuilder(ASKING.get(random.nextInt(ASKING.size())));
        do {
            q.append(' ').append(VietnameseCorpus.ACTIONS.get(random.nextInt(VietnameseCorpus.ACTIONS.size())))
                    .append(' ').append(VietnameseCorpus.TOPICS.get(random.nextInt(VietnameseCorpus.TOPICS.size())))
                    .append(" tại ").append(VietnameseCorpus.PLACES.get(random.nextInt(VietnameseCorpus.PLACES.size())));
        } while (q.toString().split(" ").length < 14);
        q.append(" năm ").append(2020 + random.nextInt(7)).append(' ').append(ASKED.get(random.nextInt(ASKED.size())));
        String[] syllables = q.toString().split(" ");
        return syllables.length <= 40 ? q.toString() : String.join(" ", java.util.Arrays.copyOf(syllables, 40));
    }

    /** As typed without diacritics. */
    private static String fold(String text) {
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
    }

    private static Query plainQuery(Analyzer analyzer, String q) {
        if (q.matches("\\d+/.*")) {
            return new TermQuery(new Term("number", q));
        }
        boolean phrase = q.startsWith("\"");
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", q.replace("\"", ""))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (phrase) {
            return new PhraseQuery("body", tokens.toArray(String[]::new));
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String token : tokens) {
            any.add(new TermQuery(new Term("subject", token)), Occur.SHOULD);
            any.add(new TermQuery(new Term("body", token)), Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * A producer offers new documents at the given rate; two writers take what has arrived and write it
     * as the projection writes a batch (put each record, publish the position). A prober searches for the
     * last document of the newest batch until it is found: the delay of every document published up to
     * then is from its arrival until that moment.
     */
    private static void nrt(SearchIndex index, SearchQueries search, int rate) throws InterruptedException {
        int seconds = 20;
        BlockingQueue<long[]> arrivals = new ArrayBlockingQueue<>(rate * seconds + 1);
        BlockingQueue<Object[]> written = new java.util.concurrent.LinkedBlockingQueue<>();
        ReaderScope everyone = new ReaderScope("bench", true, Set.of(), Set.of(), Set.of(), Set.of());
        Thread producer = Thread.ofPlatform().start(() -> {
            long next = System.nanoTime();
            for (int i = 0; i < rate * seconds; i++) {
                next += 1_000_000_000L / rate;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                arrivals.add(new long[] {i, System.nanoTime()});
            }
        });
        List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        // Probes the newest batch written: once it is found, every batch published before it is too
        // (a refresh makes all documents added before it visible).
        Thread prober = Thread.ofPlatform().start(() -> {
            try {
                boolean last = false;
                while (!last) {
                    List<Object[]> batches = new ArrayList<>();
                    batches.add(written.take());
                    written.drainTo(batches);
                    last = batches.getLast().length == 0;
                    if (last) {
                        batches.removeLast();
                    }
                    if (batches.isEmpty()) {
                        continue;
                    }
                    String probe = (String) batches.getLast()[0];
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (search.search(everyone, SearchRequest.text(probe)).total() == 0) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException(probe + " not found after 30 s");
                        }
                        Thread.sleep(10);
                    }
                    long found = System.nanoTime();
                    for (Object[] batch : batches) {
                        for (long arrival : (long[]) batch[1]) {
                            delays.add(found - arrival);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // two writers, as the search processor has two segments
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            VietnameseCorpus own = new VietnameseCorpus(99 + w);
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    while (true) {
                        List<long[]> batch = new ArrayList<>();
                        long[] first = arrivals.poll(2, TimeUnit.SECONDS);
                        if (first == null) {
                            return;
                        }
                        batch.add(first);
                        arrivals.drainTo(batch, 199);
                        String probe = null;
                        long[] arrivedAt = new long[batch.size()];
                        for (int i = 0; i < batch.size(); i++) {
                            long[] arrival = batch.get(i);
                            VietnameseCorpus.Generated d = own.next((int) arrival[0]);
                            IndexedRecord r = record(d);
                            r.id = "nrt-" + rate + "-" + arrival[0];
                            r.number = (100000 + arrival[0]) + "/NRT-UBND" + rate;
                            r.classification = "NONE"; // the prober reads as an official without clearance
                            probe = r.number;
                            arrivedAt[i] = arrival[1];
                            index.put(r, d.body(), true);
                        }
                        index.publish(index.commitData());
                        written.add(new Object[] {probe, arrivedAt});
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        producer.join();
        written.add(new Object[0]);
        prober.join();
        long[] measured = delays.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("%nNRT at %d updates/s for %d s: %,d documents, delay from arrival to found by a search:"
                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, seconds, measured.length, percentile(measured, 50),
                percentile(measured, 99), percentile(measured, 100));
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
