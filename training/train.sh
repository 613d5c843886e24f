#!/usr/bin/env bash
# Retrain the project's pipeline from the treebanks, from scratch, with a fixed seed.
#   training/train.sh UD_DIR OUT_DIR SIZE
# SIZE is one of the named sizes below; the one the engine ships is in checker/models/README.md.
set -euo pipefail
ud=${1:?UD dir}; out=${2:?output dir}; size=${3:-m}
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-python}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 BLIS_NUM_THREADS=1 PYTHONHASHSEED=0
case $size in
  xs) args=(--components.tok2vec.model.encode.width 48 --components.tok2vec.model.encode.depth 1
            --components.parser.model.hidden_width 64 --components.parser.model.maxout_pieces 2) ;;
  s)  args=(--components.tok2vec.model.encode.width 64 --components.tok2vec.model.encode.depth 2
            --components.parser.model.hidden_width 64 --components.parser.model.maxout_pieces 2) ;;
  m)  args=(--components.tok2vec.model.encode.width 96 --components.tok2vec.model.encode.depth 4
            --components.parser.model.hidden_width 128 --components.parser.model.maxout_pieces 3) ;;
  l)  args=(--components.tok2vec.model.encode.width 128 --components.tok2vec.model.encode.depth 4
            --components.parser.model.hidden_width 128 --components.parser.model.maxout_pieces 3
            --components.tok2vec.model.embed.rows "[10000,2000,5000,2500]") ;;
  *) echo "unknown size $size" >&2; exit 2 ;;
esac
[ -f "$out/corpus/train.spacy" ] || "$py" "$here/convert.py" "$ud" "$out/corpus"
"$py" -m spacy train "$here/configs/pipeline.cfg" --output "$out/$size" \
  --paths.train "$out/corpus/train.spacy" --paths.dev "$out/corpus/dev.spacy" "${args[@]}"
