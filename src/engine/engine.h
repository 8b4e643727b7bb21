/* engine: runs one record through the stages — front end for raw text,
 * coder per sentence, (soon) the document stage — and collects the
 * document's events in an arena of its own, because the coder's events
 * only live until its next sentence. Public API: tacitus.h, "Engine". */
#ifndef TAC_ENGINE_H
#define TAC_ENGINE_H

#include "tacitus.h"
#include "util/util.h"

#endif
