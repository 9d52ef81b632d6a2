package cn.chuangwen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * Ranking over plain arrays: units ranked by the weighted sum of their scores (summed left to
 * right), vetoed units (一票否决) last, ties as asked, overall and within groups. Every input is
 * checked before any output is written.
 *
 * <p>Arrays ({@code double[]} …) are copied into native memory for the call. Direct buffers in
 * native byte order ({@link #doubles}, {@link #ints}, {@link #bytes}) cross without copying: use
 * them for large or repeated rankings, with a {@link RankWorkspace}.
 */
public final class Ranking {
  private Ranking() {}

  /** How ties rank. */
  public enum Ties {
    /** 1, 2, 2, 4. */
    COMPETITION,
    /** 1, 2, 2, 3. */
    DENSE,
    /** 1, 2, 3, 4 (ties by unit index). */
    ORDINAL
  }

  /** Ranks (1-based), group ranks (null without groups) and composites, one per unit. */
  public static final class Result {
    public final int[] ranks;
    public final int[] groupRanks;
    public final double[] composites;

    Result(int[] ranks, int[] groupRanks, double[] composites) {
      this.ranks = ranks;
      this.groupRanks = groupRanks;
      this.composites = composites;
    }
  }

  /** A direct buffer of {@code n} doubles in native order (zero-copy input or output). */
  public static DoubleBuffer doubles(int n) {
    return ByteBuffer.allocateDirect(n * 8).order(ByteOrder.nativeOrder()).asDoubleBuffer();
  }

  /** A direct buffer of {@code n} ints in native order. */
  public static IntBuffer ints(int n) {
    return ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
  }

  /** A direct buffer of {@code n} bytes (veto flags). */
  public static ByteBuffer bytes(int n) {
    return ByteBuffer.allocateDirect(n);
  }

  /**
   * Ranks {@code scores.length / weights.length} units; {@code scores} is row-major (unit by
   * unit). {@code vetoed} and {@code groups} may be null; weights must sum to 1 unless {@code
   * normalizeWeights}.
   */
  public static Result rank(
      double[] scores,
      double[] weights,
      boolean[] vetoed,
      int[] groups,
      Ties ties,
      boolean normalizeWeights) {
    return rankIn(null, scores, weights, vetoed, groups, ties, normalizeWeights);
  }

  /**
   * Ranks into the caller's buffers: {@code units} units with {@code weights.remaining()} scores
   * each. Direct buffers (see {@link #doubles}) cross without copying. {@code vetoed}, {@code
   * groups}, {@code outGroupRank} and {@code outComposite} may be null.
   */
  public static void rank(
      DoubleBuffer scores,
      long units,
      DoubleBuffer weights,
      ByteBuffer vetoed,
      IntBuffer groups,
      Ties ties,
      boolean normalizeWeights,
      IntBuffer outRank,
      IntBuffer outGroupRank,
      DoubleBuffer outComposite) {
    call(null, scores, units, weights, vetoed, groups, ties, normalizeWeights, outRank,
        outGroupRank, outComposite);
  }

  /** One ranking into buffers, in {@code workspace} (null: a fresh one for the call). */
  static void call(
      com.sun.jna.Pointer workspace,
      DoubleBuffer scores,
      long units,
      DoubleBuffer weights,
      ByteBuffer vetoed,
      IntBuffer groups,
      Ties ties,
      boolean normalizeWeights,
      IntBuffer outRank,
      IntBuffer outGroupRank,
      DoubleBuffer outComposite) {
    check(scores, units, weights, vetoed, groups, outRank, outGroupRank, outComposite);
    Lib.check(
        Lib.API.cw_rank_arrays_in(
            workspace,
            scores,
            units,
            weights.remaining(),
            weights,
            vetoed,
            groups,
            ties.ordinal(),
            normalizeWeights ? 1 : 0,
            outRank,
            outGroupRank,
            outComposite));
  }

  static Result rankIn(
      RankWorkspace workspace,
      double[] scores,
      double[] weights,
      boolean[] vetoed,
      int[] groups,
      Ties ties,
      boolean normalizeWeights) {
    int k = weights.length;
    if (k == 0 ? scores.length != 0 : scores.length % k != 0) {
      throw new ChuangwenException.InvalidArgument(
          "scores has " + scores.length + " entries, not a multiple of " + k + " indicators");
    }
    int n = k == 0 ? 0 : scores.length / k;
    ByteBuffer v = vetoFlags(vetoed, n);
    int[] ranks = new int[n];
    int[] groupRanks = groups != null ? new int[n] : null;
    double[] composites = new double[n];
    DoubleBuffer s = DoubleBuffer.wrap(scores);
    DoubleBuffer w = DoubleBuffer.wrap(weights);
    IntBuffer g = groups != null ? IntBuffer.wrap(groups) : null;
    IntBuffer r = IntBuffer.wrap(ranks);
    IntBuffer gr = groupRanks != null ? IntBuffer.wrap(groupRanks) : null;
    DoubleBuffer c = DoubleBuffer.wrap(composites);
    if (workspace == null) {
      rank(s, n, w, v, g, ties, normalizeWeights, r, gr, c);
    } else {
      workspace.rank(s, n, w, v, g, ties, normalizeWeights, r, gr, c);
    }
    return new Result(ranks, groupRanks, composites);
  }

  /** Veto flags as bytes (null for none), checked to be one per unit. */
  static ByteBuffer vetoFlags(boolean[] vetoed, int n) {
    if (vetoed == null) return null;
    if (vetoed.length != n) {
      throw new ChuangwenException.InvalidArgument(
          "vetoed has " + vetoed.length + " entries, expected " + n);
    }
    ByteBuffer v = ByteBuffer.allocate(n);
    for (boolean b : vetoed) v.put(b ? (byte) 1 : (byte) 0);
    v.flip();
    return v;
  }

  static void check(
      DoubleBuffer scores,
      long units,
      DoubleBuffer weights,
      ByteBuffer vetoed,
      IntBuffer groups,
      IntBuffer outRank,
      IntBuffer outGroupRank,
      DoubleBuffer outComposite) {
    long k = weights.remaining();
    need("scores", scores.remaining(), units * k);
    if (vetoed != null) need("vetoed", vetoed.remaining(), units);
    if (groups != null) need("groups", groups.remaining(), units);
    need("outRank", outRank.remaining(), units);
    if (outGroupRank != null) need("outGroupRank", outGroupRank.remaining(), units);
    if (outComposite != null) need("outComposite", outComposite.remaining(), units);
    for (java.nio.Buffer b :
        new java.nio.Buffer[] {scores, weights, vetoed, groups, outRank, outGroupRank, outComposite}) {
      if (b != null && b.position() != 0) {
        throw new ChuangwenException.InvalidArgument("buffers must be at position 0");
      }
    }
  }

  private static void need(String name, long have, long want) {
    if (have < want) {
      throw new ChuangwenException.InvalidArgument(
          name + " has " + have + " entries, expected " + want);
    }
  }
}
