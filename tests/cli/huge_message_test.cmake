# A message over the per-message limit fails its file with a clear error and
# bounded memory, while the other files are still fully reported. The 1.5 MB
# message is written here (not committed) and the limit lowered to 1 MB.
#   cmake -DCLI=… -DWORKDIR=<fixtures> -DOUT_DIR=… -P huge_message_test.cmake
set(head [=[{"name": "Huge", "type": "public_channel", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "text": "t.me/before_huge"}, ]=])
string(LENGTH "${head}" huge_at)
string(REPEAT "spam t.me/x_" 131072 body)  # 1.5 MB of text
set(huge ${OUT_DIR}/fail_huge_message.json)
file(WRITE ${huge} "${head}{\"id\": 2, \"type\": \"message\", \"date\": \"2024-01-02T00:00:00\", \"text\": \"${body}\"}]}")

execute_process(COMMAND ${CLI} report --compact --max-message-mb 1
                        every_platform_row.json ${huge} old_format_2020.json
  WORKING_DIRECTORY ${WORKDIR} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "exit code ${rc}, expected 1\n${err}")
endif()
if(NOT err MATCHES "fail_huge_message.json: byte ${huge_at}: message larger than 1 MB")
  message(FATAL_ERROR "unexpected stderr: ${err}")
endif()
string(JSON files_with_errors GET "${out}" totals files_with_errors)
string(JSON messages GET "${out}" totals messages)
string(JSON partial GET "${out}" chats 1 partial)
# every_platform_row: 28 messages, old_format_2020: 3, Huge: its first message.
if(NOT files_with_errors EQUAL 1 OR NOT messages EQUAL 32 OR NOT partial STREQUAL "ON")
  message(FATAL_ERROR "files_with_errors=${files_with_errors} messages=${messages} partial=${partial}")
endif()
