package vn.egov.backbone.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many requests released at the same instant (up to 16 threads), to meet the races a busy office makes. */
public final class Concurrently {
    private Concurrently() {
    }

    /** One request; returns its HTTP status. */
    @FunctionalInterface
    public interface Call {
        int run(int index) throws Exception;
    }

    /** The statuses, in the order of the calls. */
    public static List<Integer> run(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 16));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return call.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
