package io.jtelegraf.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WarmupTasksTest {
    private enum Step { FIRST, SECOND }

    @Test
    void aTaskClaimedBeforeItBeganNeverRuns() throws InterruptedException {
        AtomicBoolean firstRan = new AtomicBoolean();
        CountDownLatch secondRan = new CountDownLatch(1);
        WarmupTasks<Step> tasks = new WarmupTasks<>(List.of(Step.FIRST, Step.SECOND),
                List.of(() -> firstRan.set(true), secondRan::countDown));

        tasks.claim(Step.FIRST);
        tasks.start("test-warmup");

        assertThat(secondRan.await(10, TimeUnit.SECONDS)).as("the unclaimed task ran").isTrue();
        assertThat(firstRan).as("the claimed task ran").isFalse();
    }

    @Test
    void claimingARunningTaskWaitsForItsEnd() throws InterruptedException {
        CountDownLatch began = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        WarmupTasks<Step> tasks = new WarmupTasks<>(List.of(Step.FIRST), List.of(() -> {
            began.countDown();
            awaitQuietly(release);
            ended.set(true);
        }));
        tasks.start("test-warmup");
        assertThat(began.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean endedWhenClaimReturned = new AtomicBoolean();
        Thread claimer = new Thread(() -> {
            tasks.claim(Step.FIRST);
            endedWhenClaimReturned.set(ended.get());
        });
        claimer.start();
        awaitWaiting(claimer);
        release.countDown();
        claimer.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(claimer.isAlive()).as("claim still waiting after the task ended").isFalse();
        assertThat(endedWhenClaimReturned).as("claim returned before the task ended").isTrue();
    }

    @Test
    void aFailingTaskIsSwallowedAndTheNextOneRuns() throws InterruptedException {
        CountDownLatch secondRan = new CountDownLatch(1);
        AtomicReference<Thread> thread = new AtomicReference<>();
        WarmupTasks<Step> tasks = new WarmupTasks<>(List.of(Step.FIRST, Step.SECOND), List.of(() -> {
            thread.set(Thread.currentThread());
            throw new IllegalStateException("warm-up failure");
        }, secondRan::countDown));

        tasks.start("test-warmup");

        assertThat(secondRan.await(10, TimeUnit.SECONDS)).isTrue();
        tasks.claim(Step.FIRST);
        assertThat(thread.get().isDaemon()).as("warm-up thread is a daemon").isTrue();
        assertThat(thread.get().getName()).isEqualTo("test-warmup");
    }

    @Test
    void claimWithoutAThreadReturnsAtOnceEveryTime() {
        WarmupTasks<Step> tasks = new WarmupTasks<>(List.of(Step.FIRST), List.of(() -> {
            throw new AssertionError("never started");
        }));

        tasks.claim(Step.FIRST);
        tasks.claim(Step.FIRST);
        tasks.claim(Step.SECOND);
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(thread.getState()).as("claim is waiting for the running task").isEqualTo(Thread.State.TIMED_WAITING);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
