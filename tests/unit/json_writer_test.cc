#include "crosscheck/json_writer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <random>

namespace crosscheck {
namespace {

TEST(JsonWriter, NestedContainersAndCommas) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("a").value(1);
  w.key("b").begin_array().value("x").value(true).null().end_array();
  w.key("c").begin_object().end_object();
  w.key("d").begin_array().end_array();
  w.end_object();
  EXPECT_EQ(out, R"({"a":1,"b":["x",true,null],"c":{},"d":[]})");
}

TEST(JsonWriter, EscapesWhatJsonRequires) {
  std::string out;
  JsonWriter::write_string(out, "q\"b\\n\nt\tc\x01 \xe2\x80\x9cok\xe2\x80\x9d");
  EXPECT_EQ(out, "\"q\\\"b\\\\n\\nt\\tc\\u0001 \xe2\x80\x9cok\xe2\x80\x9d\"");
}

TEST(JsonWriter, PrettyOutputParsesToSameValues) {
  std::string out;
  JsonWriter w(out, 2);
  w.begin_object().key("k").begin_array().value(1.5).value(int64_t{-3}).end_array().end_object();
  EXPECT_NE(out.find('\n'), std::string::npos);
  simdjson::dom::parser parser;
  auto doc = parser.parse(out);
  ASSERT_FALSE(doc.error());
  EXPECT_DOUBLE_EQ(double(doc["k"].at(0)), 1.5);
  EXPECT_EQ(int64_t(doc["k"].at(1)), -3);
}

TEST(JsonWriter, RandomStringsRoundTripThroughAParser) {
  std::mt19937 rng(11);
  simdjson::dom::parser parser;
  for (int round = 0; round < 500; ++round) {
    std::string s;
    size_t n = rng() % 40;
    for (size_t i = 0; i < n; ++i) {
      int pick = rng() % 4;
      if (pick == 0) s.push_back(static_cast<char>(rng() % 0x20));  // controls
      else if (pick == 1) s += "\xc3\xa9";                           // é
      else if (pick == 2) s.push_back("\"\\/"[rng() % 3]);
      else s.push_back(static_cast<char>('a' + rng() % 26));
    }
    std::string out;
    JsonWriter w(out);
    w.begin_array().value(s).end_array();
    auto doc = parser.parse(out);
    ASSERT_FALSE(doc.error()) << out;
    std::string_view back = doc.at(0);
    ASSERT_EQ(back, s);
  }
}

TEST(JsonWriter, NonFiniteNumbersBecomeNull) {
  std::string out;
  JsonWriter w(out);
  w.begin_array().value(1.0 / 0.0).end_array();
  EXPECT_EQ(out, "[null]");
}

}  // namespace
}  // namespace crosscheck
