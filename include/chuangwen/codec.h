// Codec: protobuf messages to and from bytes in the three interchange encodings
// (binary, the JSON mapping, and text format), and files holding them.
//
// JSON output uses the proto field names (snake_case) and prints fields that
// hold default values, so that readers see every count; JSON input accepts
// both snake_case and lowerCamelCase names. Thread safety: all functions are
// reentrant.
#ifndef CHUANGWEN_CODEC_H_
#define CHUANGWEN_CODEC_H_

#include <string>
#include <string_view>

#include "chuangwen/status.h"

namespace google::protobuf {
class Message;
}

namespace chuangwen {

enum class Format {
  kBinary = 0,  // Protobuf wire format.
  kJson = 1,    // Protobuf's JSON mapping.
  kText = 2,    // Protobuf text format.
};

// "binary"/"pb", "json", "text"/"textproto" → Format.
Status ParseFormatName(std::string_view name, Format* out);
const char* FormatName(Format format);

// Format from a file name's extension: .pb/.bin/.binpb → binary,
// .json → JSON, .textproto/.txtpb/.pbtxt/.txt → text.
Status FormatFromPath(std::string_view path, Format* out);

// Decodes `bytes` into `*out` (cleared first). A parse error names the
// message type and, for JSON and text, the position.
Status Decode(std::string_view bytes, Format format,
              google::protobuf::Message* out);

// Encodes `message` into `*out` (replaced).
Status Encode(const google::protobuf::Message& message, Format format,
              std::string* out);

// Reads a whole file. Errors name the path.
Status ReadFile(const std::string& path, std::string* out);
// Writes a whole file atomically enough for a CLI (write then rename).
Status WriteFile(const std::string& path, std::string_view bytes);

// ReadFile + Decode, with the path in any error message.
Status DecodeFile(const std::string& path, Format format,
                  google::protobuf::Message* out);

}  // namespace chuangwen

#endif  // CHUANGWEN_CODEC_H_
