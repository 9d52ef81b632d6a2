/* Links the shared library through the installed CMake package or pkg-config.
 */
#include <chuangwen/cw.h>
#include <stdio.h>

int main(int argc, char **argv) {
  cw_campaign *campaign = NULL;
  uint8_t *out = NULL;
  size_t size = 0;
  if (argc != 2) return 2;
  if (cw_campaign_load_file(argv[1], CW_FORMAT_AUTO, &campaign) != CW_OK) {
    fprintf(stderr, "%s\n", cw_last_error_message());
    return 1;
  }
  if (cw_campaign_task_parties(campaign, "1.1", CW_FORMAT_JSON, &out, &size) !=
      CW_OK) {
    fprintf(stderr, "%s\n", cw_last_error_message());
    cw_campaign_free(campaign);
    return 1;
  }
  printf("chuangwen %s: %s\n", cw_version(), (const char *)out);
  cw_free(out);
  cw_campaign_free(campaign);
  return 0;
}
