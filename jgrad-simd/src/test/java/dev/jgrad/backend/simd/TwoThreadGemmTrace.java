package dev.jgrad.backend.simd;

import static dev.jgrad.backend.simd.VectorGemm.AS;
import static dev.jgrad.backend.simd.VectorGemm.MC;
import static dev.jgrad.backend.simd.VectorGemm.MR;
import static dev.jgrad.backend.simd.VectorGemm.NC;
import static dev.jgrad.backend.simd.VectorGemm.NR;

import dev.jgrad.backend.WorkerPool;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: where the second core idles in a two-thread product. Runs the shared-packing algorithm of
 * {@link SharedPackGemm} (pack phase, then row-band phase: two {@link WorkerPool#run} calls) and a column cut (one
 * run call, each part a serial {@link VectorGemm} over its columns) with every part timestamped, rounds
 * alternating with the one-thread product in one JVM. Per product it prints medians over the calls of: wall time,
 * the caller's CPU time, how late the worker started its first part after the run call, how long the caller
 * waited at the end of each run call for the worker (the barrier), the worker's share of the work, in how many
 * calls the worker missed a run call, and the thread CPU time spent in parts by each thread: in calls where both
 * took parts, the larger of the two is what the product would take with a core per thread, whatever the load.
 *
 * <p>Usage, from the worktree root after {@code mvn -pl jgrad-simd -am test-compile}:
 * {@code java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -Djgrad.threads=2 -cp
 * jgrad-simd/target/test-classes:jgrad-simd/target/classes:jgrad-core/target/classes
 * dev.jgrad.backend.simd.TwoThreadGemmTrace [rounds] [callsPerRound] [shapes as NN,m,k,n ...]}
 */
public final class TwoThreadGemmTrace {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TwoThreadGemmTrace() {
    }

    /** Timestamps of one call: per run-call phase its start and end; per part its thread, start and end. */
    static final class Trace {
        final long[] runStart = new long[2];
        final long[] runEnd = new long[2];
        final long[][] partStart = new long[2][WorkerPool.MAX_PARTS];
        final long[][] partEnd = new long[2][WorkerPool.MAX_PARTS];
        final boolean[][] onCaller = new boolean[2][WorkerPool.MAX_PARTS];
        final long[][] partCpu = new long[2][WorkerPool.MAX_PARTS];
        final int[] parts = new int[2];
        int phases;
        Thread caller;

        void reset() {
            phases = 0;
            caller = Thread.currentThread();
        }

        void part(int phase, int part, long start, long cpuStart) {
            partCpu[phase][part] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            partStart[phase][part] = start;
            partEnd[phase][part] = System.nanoTime();
            onCaller[phase][part] = Thread.currentThread() == caller;
        }
    }

    /** Per call: [latency of worker's first part or NaN, caller wait at end of each phase summed, worker busy share]. */
    static double[] analyse(Trace t) {
        double late = Double.NaN;
        double wait = 0;
        double workerBusy = 0;
        double busy = 0;
        boolean absent = false;
        for (int ph = 0; ph < t.phases; ph++) {
            long callerLast = t.runStart[ph];
            long workerFirst = Long.MAX_VALUE;
            boolean worker = false;
            for (int p = 0; p < t.parts[ph]; p++) {
                long d = t.partEnd[ph][p] - t.partStart[ph][p];
                busy += d;
                if (t.onCaller[ph][p]) {
                    callerLast = Math.max(callerLast, t.partEnd[ph][p]);
                } else {
                    worker = true;
                    workerBusy += d;
                    workerFirst = Math.min(workerFirst, t.partStart[ph][p]);
                }
            }
            if (worker && ph == 0) {
                late = workerFirst - t.runStart[ph];
            }
            absent |= !worker;
            wait += t.runEnd[ph] - callerLast;
        }
        double cpuCaller = 0;
        double cpuWorker = 0;
        for (int ph = 0; ph < t.phases; ph++) {
            for (int p = 0; p < t.parts[ph]; p++) {
                if (t.onCaller[ph][p]) {
                    cpuCaller += t.partCpu[ph][p];
                } else {
                    cpuWorker += t.partCpu[ph][p];
                }
            }
        }
        return new double[] {late, wait, workerBusy / busy, absent ? 1 : 0, cpuCaller, cpuWorker};
    }

    /** The shared-packing algorithm of {@link SharedPackGemm}, traced; B not transposed, A per flag. */
    static final class Shared implements WorkerPool.Parts {
        final Trace trace = new Trace();
        final boolean ta;
        final boolean tb;
        final int m;
        final int n;
        final int k;
        final float[] a;
        final float[] b;
        final float[] c;
        final int lda;
        final int ldb;
        final int kc;
        final int nPad;
        final int panels;
        final int panelBlocks;
        final int bands;
        final int packed;
        final int slots;
        final float[] w;
        final int[] stridesA = new int[VectorGemm.L];
        final int[] stridesB = new int[VectorGemm.L];
        boolean packing;
        static final int SLOT = (MR * NR + MC * AS + 15) / 16 * 16;

        Shared(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c) {
            this.ta = ta;
            this.tb = tb;
            this.m = m;
            this.n = n;
            this.k = k;
            this.a = a;
            this.b = b;
            this.c = c;
            lda = ta ? m : k;
            ldb = tb ? k : n;
            kc = VectorGemm.depthBlock(k);
            nPad = (n + NR - 1) / NR * NR;
            panels = nPad / NR;
            panelBlocks = ((k + kc - 1) / kc) * panels;
            bands = SharedPackGemm.bands(2, m);
            packed = VectorGemm.B_START;
            slots = packed + k * nPad;
            w = new float[Math.max(slots + bands * SLOT, VectorGemm.ALIGNMENT.minBufferFloats())];
            VectorGemm.fillStrides(stridesA, lda);
            VectorGemm.fillStrides(stridesB, ldb);
        }

        void gemm() {
            trace.reset();
            packing = true;
            int packParts = Math.min(panelBlocks, 4);
            trace.parts[0] = packParts;
            trace.runStart[0] = System.nanoTime();
            WorkerPool.run(this, packParts);
            trace.runEnd[0] = System.nanoTime();
            packing = false;
            trace.parts[1] = bands;
            trace.runStart[1] = System.nanoTime();
            WorkerPool.run(this, bands);
            trace.runEnd[1] = System.nanoTime();
            trace.phases = 2;
        }

        @Override
        public void run(int part, int parts) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            if (packing) {
                int u = (int) ((long) panelBlocks * part / parts);
                int end = (int) ((long) panelBlocks * (part + 1) / parts);
                while (u < end) {
                    int block = u / panels;
                    int q0 = u % panels;
                    int q1 = Math.min(panels, q0 + (end - u));
                    int pc = block * kc;
                    int kb = Math.min(kc, k - pc);
                    int jc = q0 * NR;
                    int nb = Math.min(n, q1 * NR) - jc;
                    VectorGemm.packB(tb, b, 0, ldb, pc, jc, kb, nb, w, packed + pc * nPad + jc * kb,
                            tb ? stridesB : null);
                    u += q1 - q0;
                }
                trace.part(0, part, s, cpu);
                return;
            }
            int units = (m + MR - 1) / MR;
            int r0 = (int) ((long) units * part / parts) * MR;
            int r1 = Math.min(m, (int) ((long) units * (part + 1) / parts) * MR);
            int tile = slots + part * SLOT;
            int aBlock = tile + MR * NR;
            int rows = r1 - r0;
            int blocks = (rows + MC - 1) / MC;
            int step = (((rows + blocks - 1) / blocks) + MR - 1) / MR * MR;
            for (int ic = r0; ic < r1; ic += step) {
                int mb = Math.min(step, r1 - ic);
                for (int pc = 0; pc < k; pc += kc) {
                    int kb = Math.min(kc, k - pc);
                    VectorGemm.packA(ta, a, 0, lda, ic, pc, mb, kb, w, aBlock, ta ? stridesA : null);
                    int panelsOfBlock = packed + pc * nPad;
                    for (int jc = 0; jc < n; jc += NC) {
                        VectorGemm.block(w, aBlock, panelsOfBlock + jc * kb, tile, mb, Math.min(NC, n - jc), kb,
                                1f, pc == 0 ? 0f : 1f, c, ic * n + jc, n);
                    }
                }
            }
            trace.part(1, part, s, cpu);
        }
    }

    /** A column cut: one run call, part i a serial product over its run of whole NR-column panels. */
    static final class Columns implements WorkerPool.Parts {
        final Trace trace = new Trace();
        final boolean ta;
        final boolean tb;
        final int m;
        final int n;
        final int k;
        final float[] a;
        final float[] b;
        final float[] c;
        final int parts;

        Columns(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c, int parts) {
            this.ta = ta;
            this.tb = tb;
            this.m = m;
            this.n = n;
            this.k = k;
            this.a = a;
            this.b = b;
            this.c = c;
            this.parts = parts;
        }

        void gemm() {
            trace.reset();
            trace.parts[0] = parts;
            trace.runStart[0] = System.nanoTime();
            WorkerPool.run(this, parts);
            trace.runEnd[0] = System.nanoTime();
            trace.phases = 1;
        }

        @Override
        public void run(int part, int parts) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            int units = (n + NR - 1) / NR;
            int c0 = (int) ((long) units * part / parts) * NR;
            int c1 = Math.min(n, (int) ((long) units * (part + 1) / parts) * NR);
            int lda = ta ? m : k;
            int ldb = tb ? k : n;
            VectorGemm.gemm(ta, tb, m, c1 - c0, k, 1f, a, 0, lda, b, tb ? c0 * ldb : c0, ldb, 0f, c, c0, n);
            trace.part(0, part, s, cpu);
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Random rnd = new Random(1);
        String[] shapes = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[] {
            "NN,128,784,256", "NT,128,784,256", "TN,128,784,256", "NN,128,256,128", "NT,128,256,784",
            "TN,256,128,784", "NN,128,128,256", "TN,128,128,256", "NN,256,256,256"};
        System.out.println("shape m,k,n | 1t: us (thread CPU us) GFLOPS | shared, then cols2: us GFLOPS, caller's thread"
                + " CPU, worker's start after the run call, caller's wait at the ends of the run calls, worker's share of"
                + " the parts' time, calls in which the worker missed a run call, parts' CPU us on caller + worker,"
                + " the larger of the two in calls where both took parts");
        for (String sh : shapes) {
            String[] f = sh.split(",");
            boolean ta = f[0].charAt(0) == 'T';
            boolean tb = f[0].charAt(1) == 'T';
            int m = Integer.parseInt(f[1]);
            int k = Integer.parseInt(f[2]);
            int n = Integer.parseInt(f[3]);
            float[] a = GemmReference.centered(rnd, m * k);
            float[] b = GemmReference.centered(rnd, k * n);
            float[] c = new float[m * n];
            Shared shared = new Shared(ta, tb, m, n, k, a, b, c);
            Columns cols2 = new Columns(ta, tb, m, n, k, a, b, c, 2);
            int v = 3;
            // per call: wall, caller CPU, late, wait, worker share, absent, parts' CPU on caller and on worker
            double[][][] stats = new double[v][8][rounds * calls];
            int[] count = new int[v];
            for (int round = -2; round < rounds; round++) {
                for (int i = 0; i < v; i++) {
                    int who = (i + Math.max(round, 0)) % v;
                    for (int call = 0; call < calls; call++) {
                        long cpu0 = THREADS.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        Trace t;
                        switch (who) {
                            case 0 -> {
                                VectorGemm.gemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c, 0, n);
                                t = null;
                            }
                            case 1 -> {
                                shared.gemm();
                                t = shared.trace;
                            }
                            default -> {
                                cols2.gemm();
                                t = cols2.trace;
                            }
                        }
                        long t1 = System.nanoTime();
                        long cpu1 = THREADS.getCurrentThreadCpuTime();
                        if (round < 0) {
                            continue;
                        }
                        int j = count[who]++;
                        stats[who][0][j] = (t1 - t0) / 1e3;
                        stats[who][1][j] = (cpu1 - cpu0) / 1e3;
                        double[] an = t == null ? new double[] {Double.NaN, 0, 0, 1, cpu1 - cpu0, 0} : analyse(t);
                        stats[who][2][j] = an[0] / 1e3;
                        stats[who][3][j] = an[1] / 1e3;
                        stats[who][4][j] = an[2];
                        stats[who][5][j] = an[3];
                        stats[who][6][j] = an[4] / 1e3;
                        stats[who][7][j] = an[5] / 1e3;
                    }
                }
            }
            double flops = 2.0 * m * n * k;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s |", sh));
            for (int i = 0; i < v; i++) {
                double wall = median(stats[i][0], count[i]);
                double cpu = median(stats[i][1], count[i]);
                if (i == 0) {
                    line.append(String.format(Locale.ROOT, " %4.0f (%4.0f) %4.0f GF |", wall, cpu, flops / wall / 1e3));
                } else {
                    // parts' CPU: caller + worker, and in calls where both took parts, the longer of the two
                    double both = 0;
                    int nb = 0;
                    double[] crit = new double[count[i]];
                    for (int j = 0; j < count[i]; j++) {
                        if (stats[i][7][j] > 0) {
                            crit[nb++] = Math.max(stats[i][6][j], stats[i][7][j]);
                        }
                    }
                    line.append(String.format(Locale.ROOT, " %4.0f %4.0f GF cpuC %4.0f late %4.1f wait %4.1f w %.2f"
                                    + " abs %.2f partsCpu %4.0f+%4.0f crit %4.0f |", wall, flops / wall / 1e3, cpu,
                            median(stats[i][2], count[i]), median(stats[i][3], count[i]),
                            median(stats[i][4], count[i]), mean(stats[i][5], count[i]),
                            median(stats[i][6], count[i]), median(stats[i][7], count[i]), median(crit, nb)));
                }
            }
            System.out.println(line);
        }
    }

    static double median(double[] x, int n) {
        double[] s = Arrays.stream(x, 0, n).filter(d -> !Double.isNaN(d)).toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static double mean(double[] x, int n) {
        return Arrays.stream(x, 0, n).average().orElse(Double.NaN);
    }
}
