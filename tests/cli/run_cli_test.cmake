# Runs the linkdrift CLI once and checks its exit code, and optionally its
# stdout against a golden file and its stderr against a regex.
#   cmake -DCLI=… -DARGS="a|b" -DWORKDIR=… -DEXPECT_EXIT=0 [-DGOLDEN=file -DACTUAL=file] [-DSTDERR_REGEX=re] -P run_cli_test.cmake
# With the environment variable UPDATE_GOLDEN=1 the golden file is (re)written:
# review the diff before committing it.
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND ${CLI} ${ARGS}
  WORKING_DIRECTORY ${WORKDIR}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL EXPECT_EXIT)
  message(FATAL_ERROR "exit code ${rc}, expected ${EXPECT_EXIT}\nstderr:\n${err}")
endif()
if(DEFINED STDERR_REGEX AND NOT err MATCHES "${STDERR_REGEX}")
  message(FATAL_ERROR "stderr does not match '${STDERR_REGEX}':\n${err}")
endif()
if(DEFINED GOLDEN)
  if("$ENV{UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE ${GOLDEN} "${out}")
    message(STATUS "updated ${GOLDEN}")
  else()
    file(READ ${GOLDEN} want)
    if(NOT out STREQUAL want)
      file(WRITE ${ACTUAL} "${out}")
      message(FATAL_ERROR "stdout differs from ${GOLDEN}; actual output: ${ACTUAL}")
    endif()
  endif()
endif()
