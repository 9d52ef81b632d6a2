package cn.chuangwen;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import cn.chuangwen.v1.AgendaRequest;
import cn.chuangwen.v1.Involvement;
import cn.chuangwen.v1.PartyTasks;
import cn.chuangwen.v1.RankingRow;
import cn.chuangwen.v1.RankingTable;
import cn.chuangwen.v1.ReportDocument;
import cn.chuangwen.v1.ReportDocumentRequest;
import cn.chuangwen.v1.ReportFormat;
import cn.chuangwen.v1.ReportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

public class CampaignTest {
  static final String EXAMPLES = System.getProperty("chuangwen.example", "examples");
  private static Campaign campaign;

  @BeforeClass
  public static void load() {
    campaign = Campaign.fromFile(EXAMPLES + "/campaign.textproto");
  }

  @AfterClass
  public static void free() {
    campaign.close();
  }

  @Test
  public void versionMatchesTheLibrary() {
    int[] parts = Chuangwen.versionParts();
    assertEquals(parts[0] + "." + parts[1] + "." + parts[2], Chuangwen.version());
    assertEquals(Version.MAJOR, parts[0]);
  }

  @Test
  public void queriesAnswerProtobufObjects() {
    assertTrue(campaign.isValid());
    PartyTasks srk = campaign.unitTasks("srk", false);
    List<String> tasks = new ArrayList<>();
    for (Involvement i : srk.getInvolvementsList()) tasks.add(i.getTaskId());
    assertTrue(tasks.toString(), tasks.size() >= 3);
    assertEquals("市容科", srk.getParty().getName());
    assertEquals("1.1", campaign.taskParties("1.1").getTaskId());
    assertTrue(campaign.workload().getUnitsCount() > 5);
  }

  @Test
  public void errorsAreTypedAndCarryTheLibrarysMessage() {
    try {
      campaign.unitTasks("nobody", false);
      fail("an unknown unit was accepted");
    } catch (ChuangwenException.NotFound e) {
      assertEquals(-2, e.code());
      assertEquals("unit 'nobody' does not exist", e.getMessage());
    }
    try {
      Campaign.fromText("units { id: ");
      fail("broken text was accepted");
    } catch (ChuangwenException.Parse e) {
      assertTrue(e.getMessage(), e.getMessage().contains("malformed text format"));
    }
    try {
      Campaign.fromFile(EXAMPLES + "/none.textproto");
      fail("a missing file was accepted");
    } catch (ChuangwenException.NotFound e) {
      assertTrue(e.getMessage().contains("none.textproto"));
    }
  }

  @Test
  public void roundTripsThroughTheMessageAndJson() {
    cn.chuangwen.v1.Campaign message = campaign.toMessage();
    try (Campaign again = Campaign.of(message);
        Campaign fromJson = Campaign.fromJson(campaign.toJson())) {
      assertEquals(message, again.toMessage());
      assertEquals(message, fromJson.toMessage());
    }
  }

  @Test
  public void calendarWithAdjustedWorkingDays() {
    assertEquals("2024-02-18", WorkCalendar.addWorkingDays("2024-02-08", 2, false));
    assertFalse(WorkCalendar.isWorkingDay("2024-10-01", false));
    assertTrue(campaign.isWorkingDay("2024-09-29"));  // a make-up Sunday
    assertEquals(5, campaign.countWorkingDays("2025-03-03", "2025-03-07"));
    assertTrue(
        campaign
            .agenda(AgendaRequest.newBuilder().setFrom("2025-04-01").setTo("2025-04-30").build())
            .getItemsCount()
            > 0);
  }

  @Test
  public void rankingAndDocuments() {
    RankingTable june = campaign.rank("2025-06", null);
    assertEquals("special", june.getComponentId());
    assertEquals(2, june.getCommendedCount());
    RankingTable august = campaign.rank("2025-08", null);
    RankingRow last = august.getRows(august.getRowsCount() - 1);
    assertEquals("zfdd1", last.getUnitId());
    assertTrue(last.getVetoed());
    assertEquals("不合格", last.getGrade());
    ReportDocument doc =
        campaign.report(
            ReportDocumentRequest.newBuilder()
                .setKind(ReportKind.MONTHLY_BULLETIN)
                .setMonth("2025-06")
                .build());
    assertTrue(doc.getContent().contains("通报"));
    // A 公文 as a Word package for the OA system to store and officials to
    // edit: bytes in binary, a zip ("PK"), named .docx.
    ReportDocument docx =
        campaign.report(
            ReportDocumentRequest.newBuilder()
                .setKind(ReportKind.MONTHLY_BULLETIN)
                .setMonth("2025-06")
                .setFormat(ReportFormat.DOCX)
                .setSigner("周明远")
                .addCopiedTo("区文明办")
                .build());
    assertTrue(docx.getFileName().endsWith(".docx"));
    assertEquals('P', docx.getBinary().byteAt(0));
    assertEquals('K', docx.getBinary().byteAt(1));
    assertTrue(docx.getContent().isEmpty());
  }

  @Test
  public void manyThreadsQueryOneCampaign() throws Exception {
    PartyTasks want = campaign.unitTasks("zfdd", true);
    AtomicReference<Throwable> error = new AtomicReference<>();
    Thread[] threads = new Thread[8];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 50; i++) {
                    if (!want.equals(campaign.unitTasks("zfdd", true))) {
                      throw new AssertionError("a different answer");
                    }
                  }
                } catch (Throwable e) {
                  error.set(e);
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) t.join();
    if (error.get() != null) throw new AssertionError(error.get());
  }

  @Test
  public void aClosedCampaignThrowsEverywhere() {
    Campaign c = Campaign.fromFile(EXAMPLES + "/campaign.textproto");
    c.close();
    c.close();
    assertTrue(c.isClosed());
    try {
      c.gaps();
      fail("a closed campaign answered");
    } catch (ChuangwenException.Closed e) {
      assertEquals("campaign is closed", e.getMessage());
    }
  }
}
