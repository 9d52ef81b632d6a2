package cn.chuangwen.bench;

import cn.chuangwen.Campaign;
import cn.chuangwen.RankWorkspace;
import cn.chuangwen.Ranking;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * The Java side of the bindings' call overhead (see bench/bindings/overhead.c): the same small
 * query (answer parsed to a protobuf object) and the same ranking (direct buffers in a kept
 * workspace). Prints "name median-ns-per-call".
 */
public final class Overhead {
  private Overhead() {}

  private static final int UNITS = 1000000;
  private static final int INDICATORS = 20;

  private static double median(double[] v) {
    Arrays.sort(v);
    return v[v.length / 2];
  }

  public static void main(String[] args) {
    try (Campaign c = Campaign.fromFile(args[0])) {
      for (int i = 0; i < 20000; i++) c.taskParties("1.1"); // warm up the JIT
      double[] samples = new double[31];
      for (int s = 0; s < samples.length; s++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < 2000; i++) c.taskParties("1.1");
        samples[s] = (System.nanoTime() - t0) / 2000.0;
      }
      System.out.printf("small_query %.0f%n", median(samples));
    }
    Random rng = new Random(12345);
    DoubleBuffer scores = Ranking.doubles(UNITS * INDICATORS);
    for (int i = 0; i < UNITS * INDICATORS; i++) scores.put(i, rng.nextInt(10001) / 100.0);
    DoubleBuffer weights = Ranking.doubles(INDICATORS);
    for (int i = 0; i < INDICATORS; i++) weights.put(i, 1.0 / INDICATORS);
    IntBuffer rank = Ranking.ints(UNITS);
    DoubleBuffer composite = Ranking.doubles(UNITS);
    try (RankWorkspace ws = new RankWorkspace()) {
      double[] samples = new double[11];
      for (int s = 0; s < samples.length; s++) {
        long t0 = System.nanoTime();
        ws.rank(scores, UNITS, weights, null, null, Ranking.Ties.COMPETITION, true, rank, null,
            composite);
        samples[s] = System.nanoTime() - t0;
      }
      System.out.printf("rank_1e6x20 %.0f%n", median(samples));
    }
  }
}
