# --jobs N gives the bytes of --jobs 1: both generator layouts (12 MiB each, so
# they are split), with the small fixtures around them, for report
# (--announcements), links and summary.
#   cmake -DCLI=… -DGEN=… -DWORKDIR=<fixtures> -DOUT_DIR=… -P parallel_test.cmake
foreach(layout account single)
  set(gen ${OUT_DIR}/parallel_${layout}.json)
  if(NOT EXISTS ${gen})
    execute_process(COMMAND ${GEN} --size 12MB --seed 5 --layout ${layout} --out ${gen} --quiet RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "linkdrift-gen failed: ${rc}")
    endif()
  endif()
  foreach(cmd "report|--announcements" "links" "summary")
    string(REPLACE "|" ";" args "${cmd}")
    set(outputs "")
    foreach(jobs 1 2 3 7)
      execute_process(COMMAND ${CLI} ${args} --jobs ${jobs} every_platform_row.json ${gen} fail_truncated.json
                              migration_outcomes.json
        WORKING_DIRECTORY ${WORKDIR} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
      if(NOT rc EQUAL 1)  # fail_truncated.json fails
        message(FATAL_ERROR "${layout} ${cmd} --jobs ${jobs}: exit ${rc}\n${err}")
      endif()
      if(err MATCHES "reading again")
        message(FATAL_ERROR "${layout} ${cmd} --jobs ${jobs}: a merge was refused\n${err}")
      endif()
      if(jobs EQUAL 1)
        set(want "${out}")
        set(want_err "${err}")
      elseif(NOT out STREQUAL want OR NOT err STREQUAL want_err)
        message(FATAL_ERROR "${layout} ${cmd}: --jobs ${jobs} differs from --jobs 1")
      endif()
    endforeach()
  endforeach()
endforeach()
