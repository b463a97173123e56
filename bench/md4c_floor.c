/* The parse-only floor: read every .md file below a folder and run md4c over it, no rules. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <ftw.h>
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static unsigned long files, bytes;

static int enter_block(MD_BLOCKTYPE t, void* d, void* u) { (void)t; (void)d; (void)u; return 0; }
static int leave_block(MD_BLOCKTYPE t, void* d, void* u) { (void)t; (void)d; (void)u; return 0; }
static int enter_span(MD_SPANTYPE t, void* d, void* u) { (void)t; (void)d; (void)u; return 0; }
static int leave_span(MD_SPANTYPE t, void* d, void* u) { (void)t; (void)d; (void)u; return 0; }
static int text(MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n, void* u) { (void)t; (void)p; (void)n; (void)u; return 0; }

static int visit(const char* path, const struct stat* st, int type, struct FTW* ftw) {
  (void)ftw;
  size_t len = strlen(path);
  if (type != FTW_F || len < 3 || strcmp(path + len - 3, ".md") != 0) return 0;
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  char* buf = malloc((size_t)st->st_size + 1);
  ssize_t n = read(fd, buf, (size_t)st->st_size);
  close(fd);
  if (n > 0) {
    MD_PARSER parser = {0, MD_FLAG_WIKILINKS | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_LATEXMATHSPANS,
                        enter_block, leave_block, enter_span, leave_span, text, NULL, NULL};
    md_parse(buf, (MD_SIZE)n, &parser, NULL);
    files++;
    bytes += (unsigned long)n;
  }
  free(buf);
  return 0;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: md4c_floor DIR\n");
    return 2;
  }
  nftw(argv[1], visit, 64, FTW_PHYS);
  printf("%lu files, %lu bytes\n", files, bytes);
  return 0;
}
