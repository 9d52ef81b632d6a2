package cn.chuangwen;

import cn.chuangwen.v1.CascadeResult;
import cn.chuangwen.v1.ImportOptions;
import cn.chuangwen.v1.ImportResult;
import cn.chuangwen.v1.Robustness;
import cn.chuangwen.v1.RobustnessRequest;
import cn.chuangwen.v1.Weights;
import cn.chuangwen.v1.WeightsRequest;

/** Work plans (工作方案) and the computations that need no campaign. */
public final class Plans {
  private Plans() {}

  /**
   * Proposes a campaign from a plan's text (UTF-8 or GB18030 bytes): the campaign, where each part
   * came from, every line not used and why, and the campaign's validation problems.
   */
  public static ImportResult importPlan(byte[] text, ImportOptions options) {
    byte[] o = options != null ? options.toByteArray() : new byte[0];
    return Lib.message(
        ImportResult.parser(),
        (out, size) ->
            Lib.API.cw_plan_import(
                text, text.length, o, o.length, Lib.FORMAT_BINARY, Lib.FORMAT_BINARY, out, size));
  }

  /**
   * The cascade (层层分解): the parent plan's tasks copied into the child campaign under the document
   * the child cites by the parent's 文号, and the child's tasks linked to those they implement.
   */
  public static CascadeResult link(cn.chuangwen.v1.Campaign child, cn.chuangwen.v1.Campaign parent) {
    byte[] c = child.toByteArray();
    byte[] p = parent.toByteArray();
    return Lib.message(
        CascadeResult.parser(),
        (out, size) ->
            Lib.API.cw_plan_link(
                c, c.length, p, p.length, Lib.FORMAT_BINARY, Lib.FORMAT_BINARY, out, size));
  }

  /** Derived weights: AHP from a comparison matrix, or the entropy method from data. */
  public static Weights deriveWeights(WeightsRequest request) {
    byte[] r = request.toByteArray();
    return Lib.message(
        Weights.parser(),
        (out, size) ->
            Lib.API.cw_weights_derive(
                r, r.length, Lib.FORMAT_BINARY, Lib.FORMAT_BINARY, out, size));
  }

  /** Each unit's median rank and 5–95 % interval under random changes of the weights. */
  public static Robustness rankRobustness(RobustnessRequest request) {
    byte[] r = request.toByteArray();
    return Lib.message(
        Robustness.parser(),
        (out, size) ->
            Lib.API.cw_rank_robustness(
                r, r.length, Lib.FORMAT_BINARY, Lib.FORMAT_BINARY, out, size));
  }
}
