// Unified diffs for --diff, in the form `patch -p1` and `git apply` read: a/ and b/ prefixes,
// three lines of context, "\ No newline at end of file" where a file ends without one.
#include <algorithm>
#include <string_view>

#include "reporters/reporter.hpp"

namespace notelint {

namespace {

// Lines with their endings, so CRLF survives the round trip through patch.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      lines.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

enum class Op { keep, remove, add };

// Myers' O((N+M)D) shortest edit script; fixes change few lines, so D is small.
std::vector<Op> myers(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size()), max = n + m;
  std::vector<long> v(2 * static_cast<std::size_t>(max) + 2, 0);
  std::vector<std::vector<long>> trace;
  long found_d = 0;
  for (long d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) ? v[k + 1 + max] : v[k - 1 + max] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[k + max] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      found_d = d;
      break;
    }
  }
  std::vector<Op> ops;
  long x = n, y = m;
  for (long d = found_d; d > 0; --d) {
    const auto& pv = trace[static_cast<std::size_t>(d)];
    long k = x - y;
    long prev_k = (k == -d || (k != d && pv[k - 1 + max] < pv[k + 1 + max])) ? k + 1 : k - 1;
    long prev_x = pv[prev_k + max], prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) ops.push_back(Op::keep), --x, --y;
    ops.push_back(x == prev_x ? Op::add : Op::remove);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) ops.push_back(Op::keep), --x, --y;
  std::reverse(ops.begin(), ops.end());
  return ops;
}

// The common head and tail need no search, and keep Myers' trace small.
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t head = 0, tail = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<std::string_view> a_mid(a.begin() + head, a.end() - tail), b_mid(b.begin() + head, b.end() - tail);
  std::vector<Op> ops(head, Op::keep);
  auto mid = myers(a_mid, b_mid);
  ops.insert(ops.end(), mid.begin(), mid.end());
  ops.insert(ops.end(), tail, Op::keep);
  return ops;
}

void write_line(std::ostream& out, char mark, std::string_view line) {
  out << mark << line;
  if (line.empty() || line.back() != '\n') out << "\n\\ No newline at end of file\n";
}

std::string range(std::size_t start, std::size_t count) {
  // An empty range names the line before it, as diff(1) does.
  std::string out = std::to_string(count == 0 ? start : start + 1);
  if (count != 1) {
    out += ',';
    out += std::to_string(count);
  }
  return out;
}

// A file name as patch and git apply read it: C-quoted when it holds quotes, backslashes or
// control characters, followed by a tab when it holds a space (else the name ends there).
std::string header_name(const std::string& prefix, const std::string& path) {
  std::string name = prefix + path;
  bool quote = std::any_of(name.begin(), name.end(),
                           [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
  if (quote) {
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') {
        quoted += '\\';
        quoted += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        static const char kDigits[] = "01234567";
        unsigned char u = static_cast<unsigned char>(c);
        quoted += '\\';
        quoted += kDigits[u >> 6];
        quoted += kDigits[(u >> 3) & 7];
        quoted += kDigits[u & 7];
      } else {
        quoted += c;
      }
    }
    return quoted + "\"";
  }
  return name.find(' ') != std::string::npos ? name + "\t" : name;
}

}  // namespace

void write_unified_diff(std::ostream& out, const std::string& path, const std::string& before,
                        const std::string& after) {
  constexpr std::size_t kContext = 3;
  auto a = split_lines(before), b = split_lines(after);
  auto ops = edit_script(a, b);
  // Positions in a and b before each op.
  std::vector<std::size_t> ia(ops.size() + 1), ib(ops.size() + 1);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    ia[i + 1] = ia[i] + (ops[i] != Op::add);
    ib[i + 1] = ib[i] + (ops[i] != Op::remove);
  }
  bool header = false;
  for (std::size_t i = 0; i < ops.size();) {
    if (ops[i] == Op::keep) {
      ++i;
      continue;
    }
    // A hunk: this change and every change within 2 * context lines of the last one.
    std::size_t begin = i >= kContext ? i - kContext : 0;
    std::size_t end = i;
    for (std::size_t j = i, keeps = 0; j < ops.size() && keeps <= 2 * kContext; ++j) {
      if (ops[j] == Op::keep) {
        ++keeps;
      } else {
        keeps = 0;
        end = j + 1;
      }
    }
    std::size_t stop = std::min(ops.size(), end + kContext);
    if (!header) {
      out << "--- " << header_name("a/", path) << "\n+++ " << header_name("b/", path) << "\n";
      header = true;
    }
    out << "@@ -" << range(ia[begin], ia[stop] - ia[begin]) << " +" << range(ib[begin], ib[stop] - ib[begin])
        << " @@\n";
    for (std::size_t j = begin; j < stop; ++j) {
      if (ops[j] == Op::keep) write_line(out, ' ', a[ia[j]]);
      if (ops[j] == Op::remove) write_line(out, '-', a[ia[j]]);
      if (ops[j] == Op::add) write_line(out, '+', b[ib[j]]);
    }
    i = stop;
  }
}

}  // namespace notelint
