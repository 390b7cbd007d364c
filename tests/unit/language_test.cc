#include <gtest/gtest.h>

#include <string>

#include "crosscheck/text.h"

namespace crosscheck::text {
namespace {

TEST(Language, English) {
  EXPECT_EQ(detect_language("Negotiators from both countries met on Saturday in a hotel near the harbour. "
                            "They said the talks had been useful but that no agreement had been reached, "
                            "and that they would meet again next week to discuss the remaining questions."),
            "en");
}

TEST(Language, German) {
  EXPECT_EQ(detect_language("Die Unterh\xc3\xa4ndler beider L\xc3\xa4nder trafen sich am Samstag in einem Hotel "
                            "am Hafen. Sie sagten, die Gespr\xc3\xa4" "che seien n\xc3\xbctzlich gewesen, aber "
                            "man habe noch keine Einigung erzielt und wolle sich n\xc3\xa4" "chste Woche wieder treffen."),
            "de");
}

TEST(Language, French) {
  EXPECT_EQ(detect_language("Les n\xc3\xa9gociateurs des deux pays se sont r\xc3\xa9unis samedi dans un h\xc3\xb4tel "
                            "pr\xc3\xa8s du port. Ils ont d\xc3\xa9" "clar\xc3\xa9 que les discussions avaient \xc3\xa9t\xc3\xa9 "
                            "utiles, mais qu'aucun accord n'avait encore \xc3\xa9t\xc3\xa9 trouv\xc3\xa9."),
            "fr");
}

TEST(Language, Russian) {
  // "Negotiators of both countries met on Saturday in a hotel by the port. They said the talks were useful."
  EXPECT_EQ(detect_language(
                "\xd0\x9f\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80\xd1\x89\xd0\xb8\xd0\xba\xd0\xb8 "
                "\xd0\xbe\xd0\xb1\xd0\xb5\xd0\xb8\xd1\x85 \xd1\x81\xd1\x82\xd1\x80\xd0\xb0\xd0\xbd "
                "\xd0\xb2\xd1\x81\xd1\x82\xd1\x80\xd0\xb5\xd1\x82\xd0\xb8\xd0\xbb\xd0\xb8\xd1\x81\xd1\x8c \xd0\xb2 "
                "\xd1\x81\xd1\x83\xd0\xb1\xd0\xb1\xd0\xbe\xd1\x82\xd1\x83 \xd0\xb2 \xd0\xb3\xd0\xbe\xd1\x81\xd1\x82\xd0\xb8"
                "\xd0\xbd\xd0\xb8\xd1\x86\xd0\xb5 \xd1\x83 \xd0\xbf\xd0\xbe\xd1\x80\xd1\x82\xd0\xb0. "
                "\xd0\x9e\xd0\xbd\xd0\xb8 \xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb\xd0\xb8, \xd1\x87\xd1\x82\xd0\xbe "
                "\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80\xd1\x8b \xd0\xb1\xd1\x8b\xd0\xbb\xd0\xb8 "
                "\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xb5\xd0\xb7\xd0\xbd\xd1\x8b\xd0\xbc\xd0\xb8, \xd0\xbd\xd0\xbe "
                "\xd1\x81\xd0\xbe\xd0\xb3\xd0\xbb\xd0\xb0\xd1\x88\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5 \xd0\xb5\xd1\x89\xd1\x91 "
                "\xd0\xbd\xd0\xb5 \xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd0\xb8\xd0\xb3\xd0\xbd\xd1\x83\xd1\x82\xd0\xbe."),
            "ru");
}

TEST(Language, UndeterminedForEmptyOrNoLetters) {
  EXPECT_EQ(detect_language(""), "und");
  EXPECT_EQ(detect_language("12345 !!! 678 -- 90"), "und");
}

}  // namespace
}  // namespace crosscheck::text
