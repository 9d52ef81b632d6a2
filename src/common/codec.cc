#include "chuangwen/codec.h"

#include <fcntl.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/message.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>

namespace chuangwen {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Collects text-format parse errors instead of printing them to stderr.
class CollectingErrors : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (!first_.empty()) return;
    first_ = "line " + std::to_string(line + 1) + ", column " +
             std::to_string(column + 1) + ": " + message;
  }
  void AddWarning(int, google::protobuf::io::ColumnNumber,
                  const std::string&) override {}
  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

}  // namespace

Status ParseFormatName(std::string_view name, Format* out) {
  if (name == "binary" || name == "pb" || name == "proto") {
    *out = Format::kBinary;
  } else if (name == "json") {
    *out = Format::kJson;
  } else if (name == "text" || name == "textproto" || name == "txtpb") {
    *out = Format::kText;
  } else {
    return Status::InvalidArgument("unknown format '" + std::string(name) +
                                   "' (expected binary, json or text)");
  }
  return Status::OK();
}

const char* FormatName(Format format) {
  switch (format) {
    case Format::kBinary:
      return "binary";
    case Format::kJson:
      return "json";
    case Format::kText:
      return "text";
  }
  return "unknown";
}

Status FormatFromPath(std::string_view path, Format* out) {
  if (EndsWith(path, ".pb") || EndsWith(path, ".bin") ||
      EndsWith(path, ".binpb")) {
    *out = Format::kBinary;
  } else if (EndsWith(path, ".json")) {
    *out = Format::kJson;
  } else if (EndsWith(path, ".textproto") || EndsWith(path, ".txtpb") ||
             EndsWith(path, ".pbtxt") || EndsWith(path, ".txt")) {
    *out = Format::kText;
  } else {
    return Status::InvalidArgument(
        "cannot tell the format of '" + std::string(path) +
        "' from its extension (use .pb, .json or .textproto, or name the "
        "format)");
  }
  return Status::OK();
}

Status Decode(std::string_view bytes, Format format,
              google::protobuf::Message* out) {
  out->Clear();
  const std::string& type = out->GetDescriptor()->full_name();
  // Protobuf's parsers count bytes in int.
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return Status::InvalidArgument(
        std::string(FormatName(format)) + " " + type + " is too large (" +
        std::to_string(bytes.size()) + " bytes; at most " +
        std::to_string(std::numeric_limits<int>::max()) + ")");
  }
  switch (format) {
    case Format::kBinary: {
      if (!out->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        out->Clear();
        return Status::ParseError("malformed binary protobuf for " + type);
      }
      return Status::OK();
    }
    case Format::kJson: {
      google::protobuf::util::JsonParseOptions options;
      options.ignore_unknown_fields = false;
      auto status = google::protobuf::util::JsonStringToMessage(
          google::protobuf::StringPiece(bytes.data(), bytes.size()), out,
          options);
      if (!status.ok()) {
        out->Clear();
        return Status::ParseError("malformed JSON for " + type + ": " +
                                  std::string(status.message()));
      }
      return Status::OK();
    }
    case Format::kText: {
      google::protobuf::TextFormat::Parser parser;
      CollectingErrors errors;
      parser.RecordErrorsTo(&errors);
      if (!parser.ParseFromString(std::string(bytes), out)) {
        out->Clear();
        return Status::ParseError("malformed text format for " + type + ": " +
                                  errors.first());
      }
      return Status::OK();
    }
  }
  return Status::InvalidArgument("unknown format code " +
                                 std::to_string(static_cast<int>(format)));
}

Status Encode(const google::protobuf::Message& message, Format format,
              std::string* out) {
  out->clear();
  switch (format) {
    case Format::kBinary: {
      // Deterministic, so that equal messages always give equal bytes.
      bool ok;
      {
        google::protobuf::io::StringOutputStream stream(out);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        ok = message.SerializeToCodedStream(&coded);
      }
      if (!ok) {
        return Status::Internal("cannot serialize " +
                                message.GetDescriptor()->full_name());
      }
      return Status::OK();
    }
    case Format::kJson: {
      google::protobuf::util::JsonPrintOptions options;
      options.preserve_proto_field_names = true;
      options.always_print_primitive_fields = true;
      auto status =
          google::protobuf::util::MessageToJsonString(message, out, options);
      if (!status.ok()) {
        return Status::Internal("cannot write JSON: " +
                                std::string(status.message()));
      }
      return Status::OK();
    }
    case Format::kText: {
      google::protobuf::TextFormat::Printer printer;
      printer.SetUseUtf8StringEscaping(true);
      if (!printer.PrintToString(message, out)) {
        return Status::Internal("cannot write text format");
      }
      return Status::OK();
    }
  }
  return Status::InvalidArgument("unknown format code " +
                                 std::to_string(static_cast<int>(format)));
}

Status ReadFile(const std::string& path, std::string* out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IOError(path + ": cannot open: " + std::strerror(err));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IOError(path + ": not a regular file");
  }
  std::string bytes;
  bytes.resize(static_cast<size_t>(st.st_size));
  size_t filled = 0;
  for (;;) {
    if (filled == bytes.size()) bytes.resize(bytes.size() * 2 + 4096);
    ssize_t n = ::read(fd, &bytes[filled], bytes.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Status::IOError(path + ": read failed: " + std::strerror(err));
    }
    if (n == 0) break;
    filled += static_cast<size_t>(n);
  }
  ::close(fd);
  bytes.resize(filled);
  *out = std::move(bytes);
  return Status::OK();
}

Status WriteFile(const std::string& path, std::string_view bytes) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError(path + ": cannot open for writing");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status::IOError(path + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError(path + ": cannot rename into place");
  }
  return Status::OK();
}

Status DecodeFile(const std::string& path, Format format,
                  google::protobuf::Message* out) {
  std::string bytes;
  CW_RETURN_IF_ERROR(ReadFile(path, &bytes));
  return Decode(bytes, format, out).WithContext(path);
}

}  // namespace chuangwen
