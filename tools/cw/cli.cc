#include "cli.h"

#include <cstdio>
#include <iostream>

#include "chuangwen/codec.h"
#include "progress.h"

namespace cw {

bool ParseArgs(int argc, char** argv, int first,
               const std::set<std::string>& with_value,
               const std::set<std::string>& flags, Args* out,
               std::string* error) {
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-o") arg = "--o";  // The usual short form of an output file.
    if (arg.size() > 2 && arg.compare(0, 2, "--") == 0) {
      std::string name = arg.substr(2);
      std::string value;
      bool has_inline = false;
      if (size_t eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_inline = true;
      }
      if (with_value.count(name) != 0) {
        if (!has_inline) {
          if (i + 1 >= argc) {
            *error = "option --" + name + " needs a value";
            return false;
          }
          value = argv[++i];
        }
        out->values[name] = value;
      } else if (flags.count(name) != 0 && !has_inline) {
        out->flags.insert(name);
      } else {
        *error = "unknown option '" + arg + "'";
        return false;
      }
    } else {
      out->positional.push_back(arg);
    }
  }
  return true;
}

int UsageError(const std::string& message) {
  ClearProgress();
  std::fprintf(stderr, "cw: %s\n", message.c_str());
  return kExitUsage;
}

int Fail(const chuangwen::Status& status) {
  ClearProgress();
  std::fprintf(stderr, "cw: %s\n", status.message().c_str());
  switch (status.code()) {
    case chuangwen::Status::Code::kPermissionDenied:
      return kExitNotAllowed;
    case chuangwen::Status::Code::kConflict:
      return kExitConflict;
    case chuangwen::Status::Code::kBusy:
      return kExitBusy;
    case chuangwen::Status::Code::kInternal:
      return kExitInternal;
    default:
      return kExitUsage;
  }
}

bool LoadCampaign(const std::string& path, const Args& args,
                  std::shared_ptr<const chuangwen::Campaign>* out) {
  chuangwen::Status s;
  if (IsLedgerPath(path)) {
    std::unique_ptr<chuangwen::LedgerStore> opened;
    s = OpenLedger(path, &opened);
    if (!s.ok()) {
      UsageError(s.message());
      return false;
    }
    *out = opened->ledger().shared_campaign();
    return true;
  }
  if (args.Has("format")) {
    chuangwen::Format format;
    s = chuangwen::ParseFormatName(args.Value("format"), &format);
    if (s.ok()) s = chuangwen::Campaign::LoadFile(path, format, out);
  } else {
    s = chuangwen::Campaign::LoadFile(path, out);
  }
  if (!s.ok()) {
    UsageError(s.message());
    return false;
  }
  return true;
}

bool IsLedgerPath(const std::string& path) {
  for (const std::string ext : {".db", ".sqlite", ".sqlite3"}) {
    if (path.size() >= ext.size() &&
        path.compare(path.size() - ext.size(), ext.size(), ext) == 0)
      return true;
  }
  return false;
}

int PrintJson(const google::protobuf::Message& message) {
  std::string json;
  chuangwen::Status s =
      chuangwen::Encode(message, chuangwen::Format::kJson, &json);
  if (!s.ok()) return UsageError(s.message());
  std::cout << json << "\n";
  return kExitOk;
}

int DisplayWidth(const std::string& text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0xF0 && i + 3 < text.size()) {
      len = 4;
      cp = ((c & 0x07u) << 18) | ((text[i + 1] & 0x3Fu) << 12) |
           ((text[i + 2] & 0x3Fu) << 6) | (text[i + 3] & 0x3Fu);
    } else if (c >= 0xE0 && i + 2 < text.size()) {
      len = 3;
      cp = ((c & 0x0Fu) << 12) | ((text[i + 1] & 0x3Fu) << 6) |
           (text[i + 2] & 0x3Fu);
    } else if (c >= 0xC0 && i + 1 < text.size()) {
      len = 2;
      cp = ((c & 0x1Fu) << 6) | (text[i + 1] & 0x3Fu);
    }
    i += len;
    bool wide =
        (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
  }
  return width;
}

std::string Pad(const std::string& text, int width) {
  int w = DisplayWidth(text);
  return w >= width ? text
                    : text + std::string(static_cast<size_t>(width - w), ' ');
}

const char* RoleName(int role) {
  switch (role) {
    case chuangwen::v1::ASSIGNMENT_ROLE_LEAD_LEADER:
      return "lead leader";
    case chuangwen::v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT:
      return "responsible";
    case chuangwen::v1::ASSIGNMENT_ROLE_LEAD_UNIT:
      return "lead unit";
    case chuangwen::v1::ASSIGNMENT_ROLE_ASSISTING_UNIT:
      return "assisting";
    case chuangwen::v1::ASSIGNMENT_ROLE_ASSISTING_LEADER:
      return "assisting leader";
    default:
      return "unspecified";
  }
}

const char* MemberRoleName(int role) {
  switch (role) {
    case chuangwen::v1::MEMBER_ROLE_LEADER:
      return "组长 leader";
    case chuangwen::v1::MEMBER_ROLE_DEPUTY_LEADER:
      return "副组长 deputy leader";
    case chuangwen::v1::MEMBER_ROLE_MEMBER:
      return "成员 member";
    case chuangwen::v1::MEMBER_ROLE_DIRECTOR:
      return "主任 director";
    case chuangwen::v1::MEMBER_ROLE_DEPUTY_DIRECTOR:
      return "副主任 deputy director";
    case chuangwen::v1::MEMBER_ROLE_LIAISON:
      return "联络员 liaison";
    default:
      return "unspecified";
  }
}

const char* BodyKindName(int kind) {
  switch (kind) {
    case chuangwen::v1::BODY_KIND_LEADING_GROUP:
      return "leading group";
    case chuangwen::v1::BODY_KIND_OFFICE:
      return "office";
    case chuangwen::v1::BODY_KIND_WORKING_GROUP:
      return "working group";
    default:
      return "body";
  }
}

chuangwen::Status OpenLedger(const std::string& path,
                             std::unique_ptr<chuangwen::LedgerStore>* out) {
  chuangwen::Status s = chuangwen::LedgerStore::Open(path, out);
  if (s.ok() && (*out)->read_only()) {
    const auto& damage = (*out)->damage();
    std::fprintf(stderr,
                 "cw: warning: ledger '%s' is read-only: %zu record(s) do not "
                 "fold and were left out:\n",
                 path.c_str(), damage.size());
    for (size_t i = 0; i < damage.size() && i < 20; ++i)
      std::fprintf(stderr, "  %s\n", damage[i].c_str());
    if (damage.size() > 20)
      std::fprintf(stderr, "  … and %zu more\n", damage.size() - 20);
  }
  return s;
}

}  // namespace cw
