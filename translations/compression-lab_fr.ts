<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CoreText</name>
    <message>
        <source>statistics of %1</source>
        <translation>statistiques de %1</translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>écriture de %1</translation>
    </message>
    <message>
        <source>sensitivity at %1</source>
        <translation>sensibilité en %1</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>perplexité</translation>
    </message>
    <message>
        <source>original model</source>
        <translation>modèle d&apos;origine</translation>
    </message>
    <message>
        <source>compressed model</source>
        <translation>modèle compressé</translation>
    </message>
    <message>
        <source>capturing activations</source>
        <translation>capture des activations</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>qualité</translation>
    </message>
    <message>
        <source>the recipe says keep</source>
        <translation>la recette demande de le conserver</translation>
    </message>
    <message>
        <source>a vector (norms and biases stay as they are)</source>
        <translation>un vecteur (les normes et les biais restent tels quels)</translation>
    </message>
    <message>
        <source>not floating-point values</source>
        <translation>valeurs qui ne sont pas en virgule flottante</translation>
    </message>
</context>
<context>
    <name>DecisionGuideTable</name>
    <message>
        <source>Self-hosting an open SLM on consumer hardware</source>
        <translation>Auto-héberger un SLM ouvert sur du matériel grand public</translation>
    </message>
    <message>
        <source>INT4 weight-only quantisation (AWQ or GPTQ)</source>
        <translation>Quantification INT4 des poids seuls (AWQ ou GPTQ)</translation>
    </message>
    <message>
        <source>Drop to INT3 or INT2 only if desperate; otherwise pick a smaller model.</source>
        <translation>Ne descendre en INT3 ou INT2 qu&apos;en dernier recours&#xa0;; sinon, choisir un modèle plus petit.</translation>
    </message>
    <message>
        <source>Production inference on a datacentre GPU</source>
        <translation>Inférence en production sur un GPU de centre de données</translation>
    </message>
    <message>
        <source>FP8 or INT8 (TensorRT-LLM, vLLM with FP8 KV cache)</source>
        <translation>FP8 ou INT8 (TensorRT-LLM, vLLM avec cache KV en FP8)</translation>
    </message>
    <message>
        <source>Quality holds; latency and throughput improve materially.</source>
        <translation>La qualité se maintient&#xa0;; la latence et le débit s&apos;améliorent nettement.</translation>
    </message>
    <message>
        <source>Edge deployment (mobile, embedded)</source>
        <translation>Déploiement en périphérie (mobile, embarqué)</translation>
    </message>
    <message>
        <source>Distillation to a 1-3B model, then INT4 quantisation</source>
        <translation>Distillation vers un modèle de 1 à 3B, puis quantification INT4</translation>
    </message>
    <message>
        <source>Optionally structured pruning of attention heads if the budget is tight.</source>
        <translation>Éventuellement, élagage structuré des têtes d&apos;attention si le budget est serré.</translation>
    </message>
    <message>
        <source>Long-context inference (32K+ tokens)</source>
        <translation>Inférence à contexte long (32K jetons et plus)</translation>
    </message>
    <message>
        <source>Quantise the KV cache (FP8 or INT4)</source>
        <translation>Quantifier le cache KV (FP8 ou INT4)</translation>
    </message>
    <message>
        <source>KV cache dominates VRAM at long contexts - quantising weights alone is not enough.</source>
        <translation>Le cache KV domine la VRAM aux contextes longs — quantifier les poids seuls ne suffit pas.</translation>
    </message>
    <message>
        <source>Fine-tuning to a domain</source>
        <translation>Affinage pour un domaine</translation>
    </message>
    <message>
        <source>LoRA / QLoRA adapters, not full retraining</source>
        <translation>Adaptateurs LoRA / QLoRA, pas un réentraînement complet</translation>
    </message>
    <message>
        <source>This is parameter-efficient training, not compression - but it ships in the same conversation.</source>
        <translation>Il s&apos;agit d&apos;entraînement économe en paramètres, pas de compression — mais le sujet revient dans la même conversation.</translation>
    </message>
</context>
<context>
    <name>EstimatorConstants</name>
    <message>
        <source>Quality at FP32</source>
        <translation>Qualité en FP32</translation>
    </message>
    <message>
        <source>Quality at FP16/BF16</source>
        <translation>Qualité en FP16/BF16</translation>
    </message>
    <message>
        <source>Quality at FP8/INT8</source>
        <translation>Qualité en FP8/INT8</translation>
    </message>
    <message>
        <source>Quality at INT4</source>
        <translation>Qualité en INT4</translation>
    </message>
    <message>
        <source>Quality at INT2</source>
        <translation>Qualité en INT2</translation>
    </message>
    <message>
        <source>Pruning loss, linear term</source>
        <translation>Perte due à l&apos;élagage, terme linéaire</translation>
    </message>
    <message>
        <source>Pruning loss, cubic term</source>
        <translation>Perte due à l&apos;élagage, terme cubique</translation>
    </message>
    <message>
        <source>Distillation loss per halving</source>
        <translation>Perte de distillation par division par deux</translation>
    </message>
    <message>
        <source>Near-lossless from</source>
        <translation>Quasi sans perte à partir de</translation>
    </message>
    <message>
        <source>Minor loss from</source>
        <translation>Perte mineure à partir de</translation>
    </message>
    <message>
        <source>Noticeable drift from</source>
        <translation>Dérive sensible à partir de</translation>
    </message>
    <message>
        <source>Significant loss from (below: broken)</source>
        <translation>Perte importante à partir de (en dessous&#xa0;: inutilisable)</translation>
    </message>
    <message>
        <source>first-order activations, bytes per hidden value</source>
        <translation>activations au premier ordre, octets par valeur cachée</translation>
    </message>
    <message>
        <source>CUDA runtime overhead per device (bytes)</source>
        <translation>Surcoût d&apos;exécution CUDA par appareil (octets)</translation>
    </message>
    <message>
        <source>ROCm runtime overhead per device (bytes)</source>
        <translation>Surcoût d&apos;exécution ROCm par appareil (octets)</translation>
    </message>
    <message>
        <source>Metal runtime overhead (bytes)</source>
        <translation>Surcoût d&apos;exécution Metal (octets)</translation>
    </message>
    <message>
        <source>Tier headroom (fraction of usable memory)</source>
        <translation>Marge du matériel minimal (fraction de la mémoire utilisable)</translation>
    </message>
    <message>
        <source>rule of thumb, calibrated from published results</source>
        <translation>règle empirique, calibrée sur des résultats publiés</translation>
    </message>
    <message>
        <source>runtime behaviour, measured</source>
        <translation>comportement à l&apos;exécution, mesuré</translation>
    </message>
    <message>
        <source>seed article &apos;Model Compression&apos; (section 03); GPTQ (Frantar et al. 2022), AWQ (Lin et al. 2023), LLM.int8() (Dettmers et al. 2022), FP8 formats (Micikevicius et al. 2022), k-quant perplexity tables in llama.cpp PR #1684</source>
        <translation>article source «&#xa0;Model Compression&#xa0;» (section 03)&#xa0;; GPTQ (Frantar et al. 2022), AWQ (Lin et al. 2023), LLM.int8() (Dettmers et al. 2022), formats FP8 (Micikevicius et al. 2022), tables de perplexité des k-quants dans la PR #1684 de llama.cpp</translation>
    </message>
    <message>
        <source>seed article (section 03); SparseGPT (Frantar &amp; Alistarh 2023), Wanda (Sun et al. 2023)</source>
        <translation>article source (section 03)&#xa0;; SparseGPT (Frantar &amp; Alistarh 2023), Wanda (Sun et al. 2023)</translation>
    </message>
    <message>
        <source>seed article (section 03: &apos;a 4x student keeps about 92%&apos;); DistilBERT (Sanh et al. 2019), MiniLLM (Gu et al. 2023), Minitron (Muralidharan et al. 2024)</source>
        <translation>article source (section 03&#xa0;: «&#xa0;un élève 4x plus petit garde environ 92 %&#xa0;»)&#xa0;; DistilBERT (Sanh et al. 2019), MiniLLM (Gu et al. 2023), Minitron (Muralidharan et al. 2024)</translation>
    </message>
    <message>
        <source>Compression Lab convention; INT4 (0.94) reads &apos;noticeable drift&apos; as in the seed</source>
        <translation>Convention de Compression Lab&#xa0;; INT4 (0,94) correspond à «&#xa0;dérive sensible&#xa0;», comme dans l&apos;article source</translation>
    </message>
    <message>
        <source>chosen so the seed&apos;s 8B INT4 8K example reads 5.2 GB (one F32 hidden state per token in context)</source>
        <translation>choisie pour que l&apos;exemple de l&apos;article source (8B, INT4, 8K) donne 5,2 GB (un état caché F32 par jeton du contexte)</translation>
    </message>
    <message>
        <source>Ollama&apos;s per-GPU reserve for the CUDA context and cuBLAS (cudaMinimumMemory = 457 MiB, ollama/ollama discover/gpu.go)</source>
        <translation>réserve par GPU d&apos;Ollama pour le contexte CUDA et cuBLAS (cudaMinimumMemory = 457 MiB, ollama/ollama discover/gpu.go)</translation>
    </message>
    <message>
        <source>Ollama&apos;s rocmMinimumMemory = 457 MiB</source>
        <translation>rocmMinimumMemory d&apos;Ollama = 457 MiB</translation>
    </message>
    <message>
        <source>none beyond recommendedMaxWorkingSetSize, which the Apple tiers already apply</source>
        <translation>aucun au-delà de recommendedMaxWorkingSetSize, que les entrées Apple de la table du matériel appliquent déjà</translation>
    </message>
    <message>
        <source>Compression Lab convention: keep 5% free for fragmentation and the prompt&apos;s growth</source>
        <translation>Convention de Compression Lab&#xa0;: garder 5 % de libre pour la fragmentation et la croissance du prompt</translation>
    </message>
</context>
<context>
    <name>EvaluationSetup</name>
    <message>
        <source>the lab runs models of up to %1 parameters in float, %2 has %3; the tensor errors are the measurement</source>
        <translation>le labo exécute en virgule flottante les modèles d&apos;au plus %1 paramètres, %2 en a %3&#xa0;; seules les erreurs des tenseurs sont mesurées</translation>
    </message>
    <message>
        <source>no tokenizer the lab can use beside %1 (%2); the tensor errors are the measurement</source>
        <translation>aucun tokeniseur utilisable par le labo à côté de %1 (%2)&#xa0;; seules les erreurs des tenseurs sont mesurées</translation>
    </message>
</context>
<context>
    <name>HardwareTierTable</name>
    <message>
        <source>Phone 6 GB</source>
        <translation>Téléphone 6 GB</translation>
    </message>
    <message>
        <source>iPhone 13/14, mid-range Android</source>
        <translation>iPhone 13/14, Android milieu de gamme</translation>
    </message>
    <message>
        <source>iOS/Android per-app memory limits leave under half of RAM to one app (Apple increased-memory-limit entitlement; Android low-memory killer), rule of thumb</source>
        <translation>les limites de mémoire par application d&apos;iOS/Android laissent moins de la moitié de la RAM à une seule application (droit Apple increased-memory-limit&#xa0;; low-memory killer d&apos;Android), règle empirique</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 4 GB</source>
        <translation>Raspberry Pi 5 4 GB</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 4 GB (CPU inference)</source>
        <translation>Raspberry Pi 5 4 GB (inférence sur CPU)</translation>
    </message>
    <message>
        <source>raspberrypi.com product brief; ~1 GB kept by the OS</source>
        <translation>fiche produit de raspberrypi.com&#xa0;; ~1 GB réservé par le système d&apos;exploitation</translation>
    </message>
    <message>
        <source>Phone 8 GB</source>
        <translation>Téléphone 8 GB</translation>
    </message>
    <message>
        <source>iPhone 15 Pro, iPhone 16, Pixel 8</source>
        <translation>iPhone 15 Pro, iPhone 16, Pixel 8</translation>
    </message>
    <message>
        <source>as Phone 6 GB</source>
        <translation>comme Téléphone 6 GB</translation>
    </message>
    <message>
        <source>Apple Silicon 8 GB</source>
        <translation>Apple Silicon 8 GB</translation>
    </message>
    <message>
        <source>M-series unified memory, RTX 3060 8GB</source>
        <translation>Mémoire unifiée série M, RTX 3060 8GB</translation>
    </message>
    <message>
        <source>Metal recommendedMaxWorkingSetSize = 2/3 of unified memory on Macs up to 32 GB, as logged by llama.cpp&apos;s ggml_metal_init (e.g. 11453.25 MB on a 16 GB M3)</source>
        <translation>recommendedMaxWorkingSetSize de Metal = 2/3 de la mémoire unifiée sur les Mac jusqu&apos;à 32 GB, tel que l&apos;indique le journal de ggml_metal_init de llama.cpp (p. ex. 11453,25 MB sur un M3 de 16 GB)</translation>
    </message>
    <message>
        <source>Phone 12 GB</source>
        <translation>Téléphone 12 GB</translation>
    </message>
    <message>
        <source>Galaxy S24 Ultra, Pixel 9 Pro, OnePlus 12</source>
        <translation>Galaxy S24 Ultra, Pixel 9 Pro, OnePlus 12</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 8 GB</source>
        <translation>Raspberry Pi 5 8 GB</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 8 GB, Orange Pi 5 8 GB (CPU inference)</source>
        <translation>Raspberry Pi 5 8 GB, Orange Pi 5 8 GB (inférence sur CPU)</translation>
    </message>
    <message>
        <source>Consumer GPU 8 GB</source>
        <translation>GPU grand public 8 GB</translation>
    </message>
    <message>
        <source>RTX 4060, RTX 3070, RTX 2080, RX 7600</source>
        <translation>RTX 4060, RTX 3070, RTX 2080, RX 7600</translation>
    </message>
    <message>
        <source>vendor memory size; 5% kept by driver, display and fragmentation (rule of thumb)</source>
        <translation>taille mémoire annoncée par le fabricant&#xa0;; 5 % réservés par le pilote, l&apos;affichage et la fragmentation (règle empirique)</translation>
    </message>
    <message>
        <source>Apple Silicon 16 GB</source>
        <translation>Apple Silicon 16 GB</translation>
    </message>
    <message>
        <source>MacBook Air/Pro M1-M4 16 GB, Mac mini 16 GB</source>
        <translation>MacBook Air/Pro M1-M4 16 GB, Mac mini 16 GB</translation>
    </message>
    <message>
        <source>Consumer GPU 12 GB</source>
        <translation>GPU grand public 12 GB</translation>
    </message>
    <message>
        <source>RTX 3060 12GB, RTX 4070, RTX 5070, RX 7700 XT</source>
        <translation>RTX 3060 12GB, RTX 4070, RTX 5070, RX 7700 XT</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 16 GB</source>
        <translation>Raspberry Pi 5 16 GB</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 16 GB (CPU inference)</source>
        <translation>Raspberry Pi 5 16 GB (inférence sur CPU)</translation>
    </message>
    <message>
        <source>raspberrypi.com product brief; ~1.5 GB kept by the OS</source>
        <translation>fiche produit de raspberrypi.com&#xa0;; ~1,5 GB réservés par le système d&apos;exploitation</translation>
    </message>
    <message>
        <source>Consumer GPU 16 GB</source>
        <translation>GPU grand public 16 GB</translation>
    </message>
    <message>
        <source>RTX 4060 Ti 16GB, RTX 4080, RTX 5080, RX 7800 XT, Arc A770</source>
        <translation>RTX 4060 Ti 16GB, RTX 4080, RTX 5080, RX 7800 XT, Arc A770</translation>
    </message>
    <message>
        <source>Apple Silicon 24 GB</source>
        <translation>Apple Silicon 24 GB</translation>
    </message>
    <message>
        <source>MacBook Air/Pro M2-M4 24 GB</source>
        <translation>MacBook Air/Pro M2-M4 24 GB</translation>
    </message>
    <message>
        <source>Apple Silicon 32 GB</source>
        <translation>Apple Silicon 32 GB</translation>
    </message>
    <message>
        <source>MacBook Pro M1/M2 Max 32 GB, Mac Studio 32 GB</source>
        <translation>MacBook Pro M1/M2 Max 32 GB, Mac Studio 32 GB</translation>
    </message>
    <message>
        <source>Consumer GPU 24 GB</source>
        <translation>GPU grand public 24 GB</translation>
    </message>
    <message>
        <source>RTX 3090, RTX 4090, RX 7900 XTX</source>
        <translation>RTX 3090, RTX 4090, RX 7900 XTX</translation>
    </message>
    <message>
        <source>Consumer GPU 32 GB</source>
        <translation>GPU grand public 32 GB</translation>
    </message>
    <message>
        <source>RTX 5090</source>
        <translation>RTX 5090</translation>
    </message>
    <message>
        <source>Workstation GPU 48 GB</source>
        <translation>GPU de station de travail 48 GB</translation>
    </message>
    <message>
        <source>RTX A6000, RTX 6000 Ada, L40S</source>
        <translation>RTX A6000, RTX 6000 Ada, L40S</translation>
    </message>
    <message>
        <source>2x Consumer GPU 24 GB</source>
        <translation>2x GPU grand public 24 GB</translation>
    </message>
    <message>
        <source>2x RTX 3090, 2x RTX 4090 (layer split)</source>
        <translation>2x RTX 3090, 2x RTX 4090 (couches réparties)</translation>
    </message>
    <message>
        <source>Apple Silicon 64 GB</source>
        <translation>Apple Silicon 64 GB</translation>
    </message>
    <message>
        <source>MacBook Pro M-Max 64 GB, Mac Studio 64 GB</source>
        <translation>MacBook Pro M-Max 64 GB, Mac Studio 64 GB</translation>
    </message>
    <message>
        <source>Metal recommendedMaxWorkingSetSize = 3/4 of unified memory on larger Macs (e.g. 147456 MB on a 192 GB M2 Ultra)</source>
        <translation>recommendedMaxWorkingSetSize de Metal = 3/4 de la mémoire unifiée sur les Mac plus grands (p. ex. 147456 MB sur un M2 Ultra de 192 GB)</translation>
    </message>
    <message>
        <source>Datacentre GPU 80 GB</source>
        <translation>GPU de centre de données 80 GB</translation>
    </message>
    <message>
        <source>A100 80GB, H100 80GB</source>
        <translation>A100 80GB, H100 80GB</translation>
    </message>
    <message>
        <source>Workstation GPU 96 GB</source>
        <translation>GPU de station de travail 96 GB</translation>
    </message>
    <message>
        <source>RTX PRO 6000 Blackwell, H100 NVL 94GB</source>
        <translation>RTX PRO 6000 Blackwell, H100 NVL 94GB</translation>
    </message>
    <message>
        <source>Apple Silicon 128 GB</source>
        <translation>Apple Silicon 128 GB</translation>
    </message>
    <message>
        <source>MacBook Pro M3/M4 Max 128 GB</source>
        <translation>MacBook Pro M3/M4 Max 128 GB</translation>
    </message>
    <message>
        <source>Datacentre GPU 141 GB</source>
        <translation>GPU de centre de données 141 GB</translation>
    </message>
    <message>
        <source>H200 141GB</source>
        <translation>H200 141GB</translation>
    </message>
    <message>
        <source>Apple Silicon 192 GB</source>
        <translation>Apple Silicon 192 GB</translation>
    </message>
    <message>
        <source>Mac Studio / Mac Pro M2 Ultra 192 GB</source>
        <translation>Mac Studio / Mac Pro M2 Ultra 192 GB</translation>
    </message>
    <message>
        <source>Datacentre GPU 192 GB</source>
        <translation>GPU de centre de données 192 GB</translation>
    </message>
    <message>
        <source>AMD Instinct MI300X</source>
        <translation>AMD Instinct MI300X</translation>
    </message>
    <message>
        <source>4x Datacentre GPU 80 GB</source>
        <translation>4x GPU de centre de données 80 GB</translation>
    </message>
    <message>
        <source>4x A100 80GB, 4x H100 80GB</source>
        <translation>4x A100 80GB, 4x H100 80GB</translation>
    </message>
    <message>
        <source>8x Datacentre GPU 80 GB</source>
        <translation>8x GPU de centre de données 80 GB</translation>
    </message>
    <message>
        <source>DGX A100 80GB, DGX H100</source>
        <translation>DGX A100 80GB, DGX H100</translation>
    </message>
    <message>
        <source>8x Datacentre GPU 141 GB</source>
        <translation>8x GPU de centre de données 141 GB</translation>
    </message>
    <message>
        <source>DGX H200, HGX H200</source>
        <translation>DGX H200, HGX H200</translation>
    </message>
    <message>
        <source>8x Datacentre GPU 192 GB</source>
        <translation>8x GPU de centre de données 192 GB</translation>
    </message>
    <message>
        <source>8x AMD Instinct MI300X</source>
        <translation>8x AMD Instinct MI300X</translation>
    </message>
</context>
<context>
    <name>LabRecipe</name>
    <message>
        <source>Magnitude (smallest weights)</source>
        <translation>Magnitude (poids les plus faibles)</translation>
    </message>
    <message>
        <source>Wanda (weight × activation)</source>
        <translation>Wanda (poids × activation)</translation>
    </message>
    <message>
        <source>SparseGPT (second-order)</source>
        <translation>SparseGPT (second ordre)</translation>
    </message>
    <message>
        <source>2:4 semi-structured</source>
        <translation>2:4 semi-structuré</translation>
    </message>
    <message>
        <source>Structured (whole heads/channels)</source>
        <translation>Structuré (têtes/canaux entiers)</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
</context>
<context>
    <name>LandscapeTable</name>
    <message>
        <source>Meta Llama 3.1/3.2 model cards (MMLU 5-shot, pre-trained)</source>
        <translation>Fiches des modèles Meta Llama 3.1/3.2 (MMLU 5-shot, pré-entraînés)</translation>
    </message>
    <message>
        <source>Qwen2.5 technical report / blog (MMLU, base models)</source>
        <translation>Rapport technique / blog de Qwen2.5 (MMLU, modèles de base)</translation>
    </message>
    <message>
        <source>Qwen3 technical report (MMLU, base models)</source>
        <translation>Rapport technique de Qwen3 (MMLU, modèles de base)</translation>
    </message>
    <message>
        <source>Gemma 2 model card (MMLU 5-shot, pre-trained)</source>
        <translation>Fiche du modèle Gemma 2 (MMLU 5-shot, pré-entraîné)</translation>
    </message>
    <message>
        <source>Mistral 7B paper (Jiang et al. 2023), MMLU 5-shot</source>
        <translation>Article sur Mistral 7B (Jiang et al. 2023), MMLU 5-shot</translation>
    </message>
    <message>
        <source>Mistral NeMo announcement (MMLU 5-shot, base)</source>
        <translation>Annonce de Mistral NeMo (MMLU 5-shot, modèle de base)</translation>
    </message>
    <message>
        <source>Gemma 3 model card (MMLU 5-shot, pre-trained)</source>
        <translation>Fiche du modèle Gemma 3 (MMLU 5-shot, pré-entraîné)</translation>
    </message>
    <message>
        <source>Phi-4 technical report (MMLU)</source>
        <translation>Rapport technique de Phi-4 (MMLU)</translation>
    </message>
    <message>
        <source>Mistral Small 3 announcement (MMLU 5-shot, base)</source>
        <translation>Annonce de Mistral Small 3 (MMLU 5-shot, modèle de base)</translation>
    </message>
    <message>
        <source>Phi-3 technical report (MMLU 5-shot)</source>
        <translation>Rapport technique de Phi-3 (MMLU 5-shot)</translation>
    </message>
    <message>
        <source>Phi-4-mini technical report (MMLU 5-shot)</source>
        <translation>Rapport technique de Phi-4-mini (MMLU 5-shot)</translation>
    </message>
    <message>
        <source>Mixtral of Experts paper (Jiang et al. 2024), MMLU 5-shot</source>
        <translation>Article «&#xa0;Mixtral of Experts&#xa0;» (Jiang et al. 2024), MMLU 5-shot</translation>
    </message>
    <message>
        <source>Mistral Mixtral 8x22B announcement (MMLU 5-shot)</source>
        <translation>Annonce de Mistral Mixtral 8x22B (MMLU 5-shot)</translation>
    </message>
</context>
<context>
    <name>complab</name>
    <message>
        <source>FP8 E5M2 is shown as FP8 (the slider&apos;s FP8 is E4M3).</source>
        <translation>FP8 E5M2 est affiché comme FP8 (le FP8 du curseur est E4M3).</translation>
    </message>
    <message>
        <source>%1 is not on the precision slider; shown as INT%2.</source>
        <translation>%1 ne figure pas sur le curseur de précision&#xa0;; affiché comme INT%2.</translation>
    </message>
    <message>
        <source>%1 is not on the precision slider; shown as %2, the nearest in bits per weight.</source>
        <translation>%1 ne figure pas sur le curseur de précision&#xa0;; affiché comme %2, le plus proche en bits par poids.</translation>
    </message>
    <message>
        <source>%1 has no place on the precision slider; the slider was left as it was.</source>
        <translation>%1 n&apos;a pas de place sur le curseur de précision&#xa0;; le curseur est resté inchangé.</translation>
    </message>
    <message>
        <source>Structured pruning is not part of recipe format 1: the file leaves pruning out.</source>
        <translation>L&apos;élagage structuré ne fait pas partie du format de recette 1&#xa0;: le fichier omet l&apos;élagage.</translation>
    </message>
    <message>
        <source>The recipe keeps every tensor&apos;s stored type; the precision slider was left as it was.</source>
        <translation>La recette conserve le type stocké de chaque tenseur&#xa0;; le curseur de précision est resté inchangé.</translation>
    </message>
    <message numerus="yes">
        <source>%n per-tensor rule(s) are kept in the recipe but not shown on the sliders.</source>
        <translation>
            <numerusform>%n règle par tenseur est conservée dans la recette mais n&apos;apparaît pas sur les curseurs.</numerusform>
            <numerusform>%n règles par tenseur sont conservées dans la recette mais n&apos;apparaissent pas sur les curseurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pruning %1 % is beyond the slider; shown as 90 %.</source>
        <translation>Un élagage de %1 % dépasse le curseur&#xa0;; affiché à 90 %.</translation>
    </message>
    <message>
        <source>The %1 pattern is shown as %2 pruning.</source>
        <translation>Le motif %1 est affiché comme un élagage %2.</translation>
    </message>
    <message>
        <source>Low rank %1 is a fixed rank; the energy slider cannot show it.</source>
        <translation>Le rang faible %1 est un rang fixe&#xa0;; le curseur d&apos;énergie ne peut pas l&apos;afficher.</translation>
    </message>
    <message>
        <source>Calibration text %1 is kept in the recipe.</source>
        <translation>Le texte de calibration %1 est conservé dans la recette.</translation>
    </message>
</context>
<context>
    <name>complab::ArithmeticPanel</name>
    <message>
        <source>1 · Footprint</source>
        <translation>1 · Empreinte</translation>
    </message>
    <message>
        <source>2 · Effective parameters</source>
        <translation>2 · Paramètres effectifs</translation>
    </message>
    <message>
        <source>3 · Quality retained</source>
        <translation>3 · Qualité gardée</translation>
    </message>
    <message>
        <source>Precision is a multiplier on memory: halve the bits, halve the bytes, whatever the architecture.</source>
        <translation>La précision agit comme un multiplicateur sur la mémoire&#xa0;: deux fois moins de bits, deux fois moins d&apos;octets, quelle que soit l&apos;architecture.</translation>
    </message>
    <message>
        <source>Pruning subtracts a fraction of the weights; distillation divides their number. Different routes to a similar place.</source>
        <translation>L&apos;élagage retranche une fraction des poids&#xa0;; la distillation divise leur nombre. Deux chemins différents vers un résultat semblable.</translation>
    </message>
    <message>
        <source>One factor per technique, multiplied: each is below one, so stacking techniques loses faster than any one of them.</source>
        <translation>Un facteur par technique, multipliés entre eux&#xa0;: chacun est inférieur à un, si bien que cumuler les techniques fait perdre plus vite qu&apos;aucune d&apos;elles seule.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The constants&lt;/b&gt; — rules of thumb, each with its source. Edit one and the equations, the cards and the charts follow.</source>
        <translation>&lt;b&gt;Les constantes&lt;/b&gt; — des règles empiriques, chacune avec sa source. Modifiez-en une&#xa0;: les équations, les fiches et les graphiques suivent.</translation>
    </message>
    <message>
        <source>disk = N&lt;sub&gt;eff&lt;/sub&gt; × bits ÷ 8 = %1 × %2 ÷ 8 = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>disque = N&lt;sub&gt;eff&lt;/sub&gt; × bits ÷ 8 = %1 × %2 ÷ 8 = &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>N&lt;sub&gt;eff&lt;/sub&gt; = N × (1 − p) ÷ d = %1 × (1 − %2) ÷ %3 = &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>N&lt;sub&gt;eff&lt;/sub&gt; = N × (1 − p) ÷ d = %1 × (1 − %2) ÷ %3 = &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>q = q&lt;sub&gt;bits&lt;/sub&gt; × (1 − (%1·p + %2·p³)) × (1 − %3·log₂ d) = %4 × %5 × %6 = &lt;b&gt;%7&lt;/b&gt;</source>
        <translation>q = q&lt;sub&gt;bits&lt;/sub&gt; × (1 − (%1·p + %2·p³)) × (1 − %3·log₂ d) = %4 × %5 × %6 = &lt;b&gt;%7&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>complab::ComparePanel</name>
    <message>
        <source>Compare with another checkpoint…</source>
        <translation>Comparer avec un autre checkpoint…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open a second file of the same model (e.g. a GGUF quantised elsewhere) and measure how far each of its tensors is from the open one</source>
        <translation>Ouvrir un second fichier du même modèle (p. ex. un GGUF quantifié ailleurs) et mesurer l&apos;écart de chacun de ses tenseurs par rapport au fichier ouvert</translation>
    </message>
    <message>
        <source>Compare mode: open a model, then a second checkpoint of the same model.</source>
        <translation>Mode comparaison&#xa0;: ouvrez un modèle, puis un second checkpoint du même modèle.</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tenseur</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <source>Rel. error</source>
        <translation>Err. rel.</translation>
    </message>
    <message>
        <source>SQNR</source>
        <translation>SQNR</translation>
    </message>
    <message>
        <source>Max error</source>
        <translation>Err. max</translation>
    </message>
    <message>
        <source>Stored type in the open file → in the other file</source>
        <translation>Type stocké dans le fichier ouvert → dans l&apos;autre fichier</translation>
    </message>
    <message>
        <source>‖A − B‖ / ‖A‖, A the open file&apos;s tensor</source>
        <translation>‖A − B‖ / ‖A‖, A étant le tenseur du fichier ouvert</translation>
    </message>
    <message>
        <source>The largest difference of one weight</source>
        <translation>Le plus grand écart sur un seul poids</translation>
    </message>
    <message>
        <source>Weight value</source>
        <translation>Valeur du poids</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation>Checkpoint ouvert</translation>
    </message>
    <message>
        <source>Other checkpoint</source>
        <translation>Autre checkpoint</translation>
    </message>
    <message>
        <source>Histograms of the selected pair</source>
        <translation>Histogrammes de la paire sélectionnée</translation>
    </message>
    <message>
        <source>%1
value %2: %3 weights</source>
        <translation>%1
valeur %2&#xa0;: %3 poids</translation>
    </message>
    <message>
        <source>Comparison stopped.</source>
        <translation>Comparaison interrompue.</translation>
    </message>
    <message>
        <source>Compare %1 with a second checkpoint of the same model.</source>
        <translation>Comparez %1 avec un second checkpoint du même modèle.</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Comparer avec</translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.gguf *.h5 *.hdf5 *.bin *.json);;All files (*)</source>
        <translation>Checkpoints (*.safetensors *.gguf *.h5 *.hdf5 *.bin *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Comparing with %1…</source>
        <translation>Comparaison avec %1…</translation>
    </message>
    <message>
        <source>Comparing with %1</source>
        <translation>Comparaison avec %1</translation>
    </message>
    <message>
        <source>%1
%2 in the other file</source>
        <translation>%1
%2 dans l&apos;autre fichier</translation>
    </message>
    <message>
        <source>; q/k rows put in one order before comparing (the files use different rotary layouts)</source>
        <translation>&#xa0;; lignes q/k remises dans le même ordre avant la comparaison (les fichiers n&apos;agencent pas l&apos;encodage rotatif de la même façon)</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identiques</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 against %2&lt;/b&gt;: %3 tensors compared (%4 weights), relative error %5 overall.</source>
        <translation>&lt;b&gt;%1 comparé à %2&lt;/b&gt;&#xa0;: %3 tenseurs comparés (%4 poids), erreur relative globale %5.</translation>
    </message>
    <message>
        <source> Worst: %1.</source>
        <translation> Le pire&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 de plus</translation>
    </message>
    <message>
        <source> Only in the open file: %1.</source>
        <translation> Seulement dans le fichier ouvert&#xa0;: %1.</translation>
    </message>
    <message>
        <source> Only in %1: %2.</source>
        <translation> Seulement dans %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source> Not compared: %1.</source>
        <translation> Non comparés&#xa0;: %1.</translation>
    </message>
    <message>
        <source>open file</source>
        <translation>fichier ouvert</translation>
    </message>
    <message>
        <source>other file</source>
        <translation>autre fichier</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;relative error %2, SQNR %3</source>
        <translation>%1&lt;br&gt;erreur relative %2, SQNR %3</translation>
    </message>
</context>
<context>
    <name>complab::ConstantsModel</name>
    <message>
        <source>%1 (%2)
Sources: %3</source>
        <translation>%1 (%2)
Sources&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 not changed: %2</source>
        <translation>%1&#xa0;: pas de modification (%2)</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Constante</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
</context>
<context>
    <name>complab::ConstantsPanel</name>
    <message>
        <source>Runtime profile of the VRAM estimate</source>
        <translation>Profil d&apos;exécution de l&apos;estimation de VRAM</translation>
    </message>
    <message>
        <source>First-order is the textbook sum (weights + KV cache + activations). llama.cpp adds what it really allocates: compute buffers sized by its graph and a per-GPU runtime reserve.</source>
        <translation>Le premier ordre est la somme classique (poids + cache KV + activations). llama.cpp y ajoute ce qu&apos;il alloue réellement&#xa0;: des tampons de calcul dimensionnés d&apos;après son graphe et une réserve d&apos;exécution par GPU.</translation>
    </message>
    <message>
        <source>Double-click a value (or press F2) to change it; the whole lab follows at once. Bold values differ from their defaults.</source>
        <translation>Double-cliquez sur une valeur (ou appuyez sur F2) pour la modifier&#xa0;; tout le labo suit aussitôt. Les valeurs en gras diffèrent de leur valeur par défaut.</translation>
    </message>
    <message>
        <source>Rule-of-thumb &amp;constants</source>
        <translation>C&amp;onstantes empiriques</translation>
    </message>
    <message>
        <source>&amp;Reset to defaults</source>
        <translation>&amp;Rétablir les valeurs par défaut</translation>
    </message>
    <message>
        <source>Put every constant back to the value from the seed article and the published results.</source>
        <translation>Remettre chaque constante à la valeur tirée de l&apos;article source et des résultats publiés.</translation>
    </message>
    <message>
        <source>&amp;First-order (the seed&apos;s sum): %1</source>
        <translation>&amp;Premier ordre (somme de l&apos;article source)&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;llama.cpp (its allocations): %1</source>
        <translation>&amp;llama.cpp (ses allocations)&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>complab::DecisionGuidePanel</name>
    <message>
        <source>&amp;Use this recipe</source>
        <translation>Appliquer cette &amp;recette</translation>
    </message>
    <message>
        <source>Common situations and what people reach for first. Choose one, then press “Use this recipe” (or double-click) to load it into the sliders.</source>
        <translation>Situations courantes et ce que l&apos;on essaie en premier. Choisissez-en une, puis appuyez sur «&#xa0;Appliquer cette recette&#xa0;» (ou double-cliquez) pour la charger dans les curseurs.</translation>
    </message>
    <message>
        <source>Situations</source>
        <translation>Situations</translation>
    </message>
    <message>
        <source>Set the sliders to this situation&apos;s recipe; the model size stays as it is.</source>
        <translation>Régler les curseurs sur la recette de cette situation&#xa0;; la taille du modèle ne change pas.</translation>
    </message>
    <message>
        <source>&amp;Situation</source>
        <translation>Situati&amp;on</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;First reach for:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Caveat:&lt;/b&gt; %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;À essayer d&apos;abord&#xa0;:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mise en garde&#xa0;:&lt;/b&gt; %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>précision inchangée</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;First reach for:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Caveat:&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Recipe set:&lt;/b&gt; %3; pruning %4; student %5× smaller; context %6 tokens; KV cache %7.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Source: %8&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;À essayer d&apos;abord&#xa0;:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mise en garde&#xa0;:&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Recette appliquée&#xa0;:&lt;/b&gt; %3&#xa0;; élagage %4&#xa0;; élève %5× plus petit&#xa0;; contexte de %6 jetons&#xa0;; cache KV %7.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Source&#xa0;: %8&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>complab::EstimateChartView</name>
    <message>
        <source>Hover over points and bars for values; right-click to export the chart or its data.</source>
        <translation>Survolez les points et les barres pour voir les valeurs&#xa0;; clic droit pour exporter le graphique ou ses données.</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>series</source>
        <translation>série</translation>
    </message>
    <message>
        <source>Export as &amp;PNG image…</source>
        <translation>Exporter en image &amp;PNG…</translation>
    </message>
    <message>
        <source>Export as &amp;SVG drawing…</source>
        <translation>Exporter en dessin &amp;SVG…</translation>
    </message>
    <message>
        <source>Export data as &amp;CSV…</source>
        <translation>Exporter les données en &amp;CSV…</translation>
    </message>
</context>
<context>
    <name>complab::EstimateCharts</name>
    <message>
        <source>&amp;VRAM</source>
        <translation>&amp;VRAM</translation>
    </message>
    <message>
        <source>Memory the recipe needs, term by term, under both runtime profiles, with the budgets of nearby devices and the fit device.</source>
        <translation>Mémoire nécessaire à la recette, terme par terme, selon les deux profils d&apos;exécution, avec les budgets des appareils proches et de l&apos;appareil cible.</translation>
    </message>
    <message>
        <source>VRAM vs &amp;context</source>
        <translation>VRAM selon le conte&amp;xte</translation>
    </message>
    <message>
        <source>How memory grows with the context length for each KV-cache format.</source>
        <translation>Comment la mémoire croît avec la longueur de contexte, pour chaque format de cache KV.</translation>
    </message>
    <message>
        <source>&amp;Footprint</source>
        <translation>Empre&amp;inte</translation>
    </message>
    <message>
        <source>Weights on disk at every precision, next to the FP32 baseline.</source>
        <translation>Poids sur disque à chaque précision, à côté de la référence FP32.</translation>
    </message>
    <message>
        <source>&amp;Quality curves</source>
        <translation>Courbes de &amp;qualité</translation>
    </message>
    <message>
        <source>The three rule-of-thumb factors, each with this recipe marked.</source>
        <translation>Les trois facteurs de la règle empirique, avec la position de cette recette sur chacun.</translation>
    </message>
    <message>
        <source>&amp;Landscape</source>
        <translation>Pa&amp;ysage</translation>
    </message>
    <message>
        <source>Published open models by size and benchmark quality, and where this recipe lands.</source>
        <translation>Les modèles ouverts publiés, par taille et par qualité aux benchmarks, et la place de cette recette parmi eux.</translation>
    </message>
</context>
<context>
    <name>complab::FitPanel</name>
    <message>
        <source>The device to plan for. Its usable memory is what one program may allocate on it, less a safety margin.</source>
        <translation>L&apos;appareil visé. Sa mémoire utilisable est ce qu&apos;un programme peut y allouer, moins une marge de sécurité.</translation>
    </message>
    <message>
        <source>D&amp;evice</source>
        <translation>Appa&amp;reil</translation>
    </message>
    <message>
        <source>This recipe</source>
        <translation>Cette recette</translation>
    </message>
    <message>
        <source>Green: fits with room to spare (at most 85 % of the budget). Amber: fits, but tightly. Red: does not fit.</source>
        <translation>Vert&#xa0;: tient largement (au plus 85 % du budget). Orange&#xa0;: tient, mais de justesse. Rouge&#xa0;: ne tient pas.</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>Budget mémoire</translation>
    </message>
    <message>
        <source>Usable memory of the device less the headroom constant: the most an estimate may need to fit.</source>
        <translation>Mémoire utilisable de l&apos;appareil moins la constante de marge&#xa0;: le maximum qu&apos;une estimation peut demander pour tenir.</translation>
    </message>
    <message>
        <source>Longest context that fits</source>
        <translation>Plus long contexte qui tient</translation>
    </message>
    <message>
        <source>With everything else as in the recipe, how many tokens of context the device can hold.</source>
        <translation>Tout le reste étant comme dans la recette, le nombre de jetons de contexte que l&apos;appareil peut contenir.</translation>
    </message>
    <message>
        <source>Best scheme that fits</source>
        <translation>Meilleur schéma qui tient</translation>
    </message>
    <message>
        <source>The weight format of highest estimated quality that fits at the recipe&apos;s context.</source>
        <translation>Le format de poids de plus haute qualité estimée qui tient au contexte de la recette.</translation>
    </message>
    <message>
        <source>Largest model that fits</source>
        <translation>Plus grand modèle qui tient</translation>
    </message>
    <message>
        <source>The biggest real model in the lab&apos;s table that fits with this recipe&apos;s precision, pruning and context.</source>
        <translation>Le plus grand modèle réel de la table du labo qui tient avec la précision, l&apos;élagage et le contexte de cette recette.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Put this answer into the recipe.</source>
        <translation>Reporter cette réponse dans la recette.</translation>
    </message>
    <message>
        <source>Use: %1</source>
        <translation>Utiliser&#xa0;: %1</translation>
    </message>
    <message>
        <source>fits comfortably (%1 of the budget)</source>
        <translation>tient largement (%1 du budget)</translation>
    </message>
    <message>
        <source>fits, but tightly (%1 of the budget)</source>
        <translation>tient, mais de justesse (%1 du budget)</translation>
    </message>
    <message>
        <source>does not fit (%1 of the budget)</source>
        <translation>ne tient pas (%1 du budget)</translation>
    </message>
    <message>
        <source>%1 of %2 usable</source>
        <translation>%1 sur %2 utilisables</translation>
    </message>
    <message>
        <source>none: not even one token fits</source>
        <translation>aucun&#xa0;: pas même un seul jeton ne tient</translation>
    </message>
    <message>
        <source>%1 tokens (the model&apos;s own maximum)</source>
        <translation>%1 jetons (le maximum propre au modèle)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>none fits</source>
        <translation>aucun ne tient</translation>
    </message>
    <message>
        <source>%1 (%2 parameters)</source>
        <translation>%1 (%2 paramètres)</translation>
    </message>
</context>
<context>
    <name>complab::HotSpotsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tenseur</translation>
    </message>
    <message>
        <source>Stored as</source>
        <translation>Stocké en</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/poids</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>Erreur relative</translation>
    </message>
    <message>
        <source>SQNR</source>
        <translation>SQNR</translation>
    </message>
    <message>
        <source>‖W − Ŵ‖ / ‖W‖: the share of the tensor&apos;s norm the recipe changes</source>
        <translation>‖W − Ŵ‖ / ‖W‖&#xa0;: la part de la norme du tenseur que la recette modifie</translation>
    </message>
    <message>
        <source>Signal-to-quantisation-noise ratio, in dB</source>
        <translation>Rapport signal sur bruit de quantification, en dB</translation>
    </message>
    <message>
        <source>Measuring stopped; change the recipe or show this tab again to measure.</source>
        <translation>Mesure interrompue&#xa0;; modifiez la recette ou réaffichez cet onglet pour mesurer.</translation>
    </message>
    <message>
        <source>Open a model to rank its tensors by the error the recipe leaves in them.</source>
        <translation>Ouvrez un modèle pour classer ses tenseurs selon l&apos;erreur que la recette y laisse.</translation>
    </message>
    <message>
        <source>Measuring every tensor under the recipe…</source>
        <translation>Mesure de tous les tenseurs avec la recette…</translation>
    </message>
    <message>
        <source>The recipe cannot be measured: %1</source>
        <translation>Impossible de mesurer la recette&#xa0;: %1</translation>
    </message>
    <message>
        <source>Measuring every tensor under the recipe</source>
        <translation>Mesure de tous les tenseurs avec la recette</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>keep as is</source>
        <translation>format d&apos;origine</translation>
    </message>
    <message>
        <source>Keep at %1</source>
        <translation>Garder en %1</translation>
    </message>
    <message>
        <source>Keep this tensor at higher precision: adds a rule to the recipe storing %1 as %2; the ranking and charts are measured again.</source>
        <translation>Garder ce tenseur en plus haute précision&#xa0;: ajoute à la recette une règle qui stocke %1 en %2&#xa0;; le classement et les graphiques sont à nouveau mesurés.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Whole model under this recipe&lt;/b&gt;: %1 of %2 tensors changed, %3 instead of %4 (%5 bits/weight on average, scales included).</source>
        <translation>&lt;b&gt;Tout le modèle avec cette recette&lt;/b&gt;&#xa0;: %1 tenseurs sur %2 modifiés, %3 au lieu de %4 (%5 bits/poids en moyenne, échelles comprises).</translation>
    </message>
    <message>
        <source> Worst: %1 at %2 relative error.</source>
        <translation> Le pire&#xa0;: %1, avec %2 d&apos;erreur relative.</translation>
    </message>
    <message>
        <source> %1 tensors are stored unchanged and not listed.</source>
        <translation> %1 tenseurs sont stockés tels quels et ne figurent pas dans la liste.</translation>
    </message>
    <message>
        <source> &lt;i&gt;Measured on this checkpoint.&lt;/i&gt;</source>
        <translation> &lt;i&gt;Mesuré sur ce checkpoint.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>complab::JobRunner</name>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
</context>
<context>
    <name>complab::MainWindow</name>
    <message>
        <source>Compression Lab</source>
        <translation>Compression Lab</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Recette</translation>
    </message>
    <message>
        <source>Fit a device</source>
        <translation>Appareil cible</translation>
    </message>
    <message>
        <source>Decision guide</source>
        <translation>Guide de décision</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>Constantes</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Tensor statistics</source>
        <translation>Statistiques du tenseur</translation>
    </message>
    <message>
        <source>Measured on this checkpoint</source>
        <translation>Mesuré sur ce checkpoint</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Masques</translation>
    </message>
    <message>
        <source>Which weights magnitude, 2:4 and structured pruning remove</source>
        <translation>Les poids que retirent les élagages par magnitude, 2:4 et structuré</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>The open checkpoint against a second one of the same model</source>
        <translation>Le checkpoint ouvert face à un second checkpoint du même modèle</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>Perplexity and top-token agreement measured at INT2…INT8 beside the rule of thumb, and per-layer sensitivity</source>
        <translation>Perplexité et accord sur le jeton de tête mesurés en INT2…INT8 à côté de la règle empirique, et sensibilité par couche</translation>
    </message>
    <message>
        <source>Compress the whole model with the recipe and save the result</source>
        <translation>Compresser tout le modèle avec la recette et enregistrer le résultat</translation>
    </message>
    <message>
        <source>Measured by Run: same top token %1, perplexity %2%3</source>
        <translation>Mesuré (Exécution)&#xa0;: même jeton de tête %1, perplexité %2%3</translation>
    </message>
    <message>
        <source>Hot spots</source>
        <translation>Points chauds</translation>
    </message>
    <message>
        <source>Every tensor of the model under the recipe, worst first, with a button to keep it at higher precision</source>
        <translation>Tous les tenseurs du modèle avec la recette, du pire au meilleur, chacun avec un bouton pour le garder en plus haute précision</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>Impossible d&apos;ouvrir le modèle</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Checkpoint File…</source>
        <translation>&amp;Ouvrir un fichier de checkpoint…</translation>
    </message>
    <message>
        <source>Open a .safetensors, .gguf, .h5 or llama2.c .bin file.</source>
        <translation>Ouvrir un fichier .safetensors, .gguf, .h5 ou .bin llama2.c.</translation>
    </message>
    <message>
        <source>Open Model &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier de modèle…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>Open the &amp;Sample Model</source>
        <translation>Ouvrir le modèle d&apos;e&amp;xemple</translation>
    </message>
    <message>
        <source>The bundled sample model was not found next to the program.</source>
        <translation>Le modèle d&apos;exemple fourni est introuvable à côté du programme.</translation>
    </message>
    <message>
        <source>Open Re&amp;cipe…</source>
        <translation>Ouvrir une re&amp;cette…</translation>
    </message>
    <message>
        <source>Set the sliders from a recipe file (.json) saved by the lab or the command line.</source>
        <translation>Régler les curseurs d&apos;après un fichier de recette (.json) enregistré par le labo ou par la ligne de commande.</translation>
    </message>
    <message>
        <source>&amp;Save Recipe As…</source>
        <translation>&amp;Enregistrer la recette sous…</translation>
    </message>
    <message>
        <source>Save the sliders and constants as a recipe: reopen it here, or run it with compression-lab-cli apply.</source>
        <translation>Enregistrer les curseurs et les constantes comme recette&#xa0;: rouvrez-la ici ou exécutez-la avec compression-lab-cli apply.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apparence</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Suivre le &amp;système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Compression Lab</source>
        <translation>À &amp;propos de Compression Lab</translation>
    </message>
    <message>
        <source>&amp;Clear the List</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <source>About Compression Lab</source>
        <translation>À propos de Compression Lab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Compression Lab %1&lt;/h3&gt;&lt;p&gt;A laboratory for compressing language models: open a checkpoint, inspect its tensors, and see what quantisation, pruning, distillation and low-rank factorisation would do to its size, memory and quality. Figures marked “estimate” come from rules of thumb with their sources in the Constants pane.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Built with&lt;/b&gt; Qt 6 (LGPL 3; Qt Charts under GPL 3), Eigen (MPL 2.0), oneTBB (Apache 2.0), HDF5 (BSD-style HDF5 licence), nlohmann/json (MIT), CLI11 (BSD 3-clause).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sample model&lt;/b&gt; lab-tinystories: a small Llama-architecture model trained for this project and shipped with it. Its training text is from TinyStories (Ronen Eldan and Yuanzhi Li, 2023), licensed CDLA-Sharing-1.0.&lt;/p&gt;&lt;p&gt;The lab&apos;s ideas and constants follow the “Model Compression” explainer and the papers named beside each constant.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Compression Lab %1&lt;/h3&gt;&lt;p&gt;Un laboratoire de compression de modèles de langage&#xa0;: ouvrez un checkpoint, examinez ses tenseurs et voyez ce que la quantification, l&apos;élagage, la distillation et la factorisation de rang faible feraient à sa taille, à sa mémoire et à sa qualité. Les chiffres marqués «&#xa0;estimation&#xa0;» proviennent de règles empiriques dont les sources figurent dans le panneau Constantes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Réalisé avec&lt;/b&gt; Qt 6 (LGPL 3&#xa0;; Qt Charts sous GPL 3), Eigen (MPL 2.0), oneTBB (Apache 2.0), HDF5 (licence HDF5 de type BSD), nlohmann/json (MIT), CLI11 (BSD à 3 clauses).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Modèle d&apos;exemple&lt;/b&gt; lab-tinystories&#xa0;: un petit modèle d&apos;architecture Llama entraîné pour ce projet et livré avec lui. Son texte d&apos;entraînement provient de TinyStories (Ronen Eldan et Yuanzhi Li, 2023), sous licence CDLA-Sharing-1.0.&lt;/p&gt;&lt;p&gt;Les idées et les constantes du labo suivent l&apos;article explicatif «&#xa0;Model Compression&#xa0;» et les publications citées à côté de chaque constante.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Dessins SVG (*.svg)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>Tableaux CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <source>Open Checkpoint</source>
        <translation>Ouvrir un checkpoint</translation>
    </message>
    <message>
        <source>Checkpoints (*.safetensors *.safetensors.index.json *.gguf *.h5 *.bin);;All files (*)</source>
        <translation>Checkpoints (*.safetensors *.safetensors.index.json *.gguf *.h5 *.bin);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open Model Folder</source>
        <translation>Ouvrir un dossier de modèle</translation>
    </message>
    <message>
        <source>Open Recipe</source>
        <translation>Ouvrir une recette</translation>
    </message>
    <message>
        <source>Recipes (*.json);;All files (*)</source>
        <translation>Recettes (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save Recipe</source>
        <translation>Enregistrer la recette</translation>
    </message>
    <message>
        <source>Recipes (*.json)</source>
        <translation>Recettes (*.json)</translation>
    </message>
    <message>
        <source>%1 is %2 MB, too large to be a recipe.</source>
        <translation>%1 fait %2 MB, c&apos;est trop gros pour une recette.</translation>
    </message>
    <message>
        <source>Cannot open the recipe: %1</source>
        <translation>Impossible d&apos;ouvrir la recette&#xa0;: %1</translation>
    </message>
    <message>
        <source>The recipe was made for %1, which is not on this machine.</source>
        <translation>La recette a été conçue pour %1, qui ne se trouve pas sur cette machine.</translation>
    </message>
    <message>
        <source>Opened recipe %1</source>
        <translation>Recette %1 ouverte</translation>
    </message>
    <message>
        <source>Saved recipe %1</source>
        <translation>Recette %1 enregistrée</translation>
    </message>
    <message>
        <source>Cannot save the recipe to %1: %2</source>
        <translation>Impossible d&apos;enregistrer la recette dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>%1 is now stored as %2: a per-tensor rule of the recipe (File ▸ Save Recipe writes it).</source>
        <translation>%1 est désormais stocké en %2&#xa0;: c&apos;est une règle par tenseur de la recette (Fichier ▸ Enregistrer la recette sous… la sauvegarde).</translation>
    </message>
    <message>
        <source>%1 has no tensor named %2.</source>
        <translation>%1 n&apos;a aucun tenseur nommé %2.</translation>
    </message>
    <message>
        <source>%1 — Compression Lab</source>
        <translation>%1 — Compression Lab</translation>
    </message>
    <message>
        <source>Opened %1 in %2 ms</source>
        <translation>%1 ouvert en %2 ms</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>The language changes the next time Compression Lab starts.</source>
        <translation>La langue changera au prochain démarrage de Compression Lab.</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>Exporter un &amp;rapport…</translation>
    </message>
    <message>
        <source>Measure the recipe on the open model and write a report: an HTML page or a PDF with the charts, or the measurements as CSV or HDF5.</source>
        <translation>Mesurer la recette sur le modèle ouvert et écrire un rapport&#xa0;: une page HTML ou un PDF avec les graphiques, ou les mesures en CSV ou en HDF5.</translation>
    </message>
    <message>
        <source>Open a model first: the report measures the recipe on its tensors.</source>
        <translation>Ouvrez d’abord un modèle&#xa0;: le rapport mesure la recette sur ses tenseurs.</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>Page HTML (*.html)</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Exporter un rapport</translation>
    </message>
    <message>
        <source>HTML page (*.html);;PDF document (*.pdf);;Measurements as CSV (*.csv);;Measurements as HDF5 (*.h5)</source>
        <translation>Page HTML (*.html);;Document PDF (*.pdf);;Mesures en CSV (*.csv);;Mesures en HDF5 (*.h5)</translation>
    </message>
    <message>
        <source>Cannot make a report of this recipe: %1</source>
        <translation>Impossible de faire un rapport de cette recette&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>At&amp;elier</translation>
    </message>
    <message>
        <source>The lab as a lesson in seven chapters, live on the open model</source>
        <translation>Le labo sous forme de leçon en sept chapitres, en direct sur le modèle ouvert</translation>
    </message>
    <message>
        <source>&amp;Present the Workshop</source>
        <translation>Pré&amp;senter l&apos;atelier</translation>
    </message>
    <message>
        <source>The workshop full screen in large type; arrow keys move between chapters</source>
        <translation>L&apos;atelier en plein écran et en grands caractères&#xa0;; les touches fléchées font passer d&apos;un chapitre à l&apos;autre</translation>
    </message>
</context>
<context>
    <name>complab::MeasuredCharts</name>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>Weights (log scale)</source>
        <translation>Poids (échelle log)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop measuring this tensor</source>
        <translation>Arrêter la mesure de ce tenseur</translation>
    </message>
    <message>
        <source>Measuring stopped; move a slider or pick a tensor to measure again.</source>
        <translation>Mesure interrompue&#xa0;; déplacez un curseur ou choisissez un tenseur pour mesurer à nouveau.</translation>
    </message>
    <message>
        <source>Open a model and select a tensor to see what the recipe does to its values.</source>
        <translation>Ouvrez un modèle et sélectionnez un tenseur pour voir l&apos;effet de la recette sur ses valeurs.</translation>
    </message>
    <message>
        <source>Select a tensor to see what the recipe does to its values.</source>
        <translation>Sélectionnez un tenseur pour voir l&apos;effet de la recette sur ses valeurs.</translation>
    </message>
    <message>
        <source>Bits per weight, scales included</source>
        <translation>Bits par poids, échelles comprises</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>Erreur relative</translation>
    </message>
    <message>
        <source>Error/bits</source>
        <translation>Erreur/bits</translation>
    </message>
    <message>
        <source>Every scheme the lab has, measured on the selected tensor: fewer bits, more error. The integer line shows the cliff below 4 bits.</source>
        <translation>Tous les schémas du labo, mesurés sur le tenseur sélectionné&#xa0;: moins de bits, plus d&apos;erreur. La courbe des entiers montre la chute brutale sous 4 bits.</translation>
    </message>
    <message>
        <source>INT2–INT8, groups of 128</source>
        <translation>INT2–INT8, groupes de 128</translation>
    </message>
    <message>
        <source>GGUF blocks (llama.cpp)</source>
        <translation>Blocs GGUF (llama.cpp)</translation>
    </message>
    <message>
        <source>NF4, FP8, MXFP4, F16</source>
        <translation>NF4, FP8, MXFP4, F16</translation>
    </message>
    <message>
        <source>This recipe</source>
        <translation>Cette recette</translation>
    </message>
    <message>
        <source>%1: %2 bits/weight
relative error %3, SQNR %4</source>
        <translation>%1&#xa0;: %2 bits/poids
erreur relative %3, SQNR %4</translation>
    </message>
    <message>
        <source>This recipe on %1: %2 bits/weight
relative error %3, SQNR %4</source>
        <translation>Cette recette sur %1&#xa0;: %2 bits/poids
erreur relative %3, SQNR %4</translation>
    </message>
    <message>
        <source>Weight value</source>
        <translation>Valeur du poids</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>How the selected tensor&apos;s weights are spread, before and after the recipe, with the values one quantisation group can store drawn as vertical lines.</source>
        <translation>La répartition des poids du tenseur sélectionné, avant et après la recette, avec en traits verticaux les valeurs qu&apos;un groupe de quantification peut stocker.</translation>
    </message>
    <message>
        <source>Original weights</source>
        <translation>Poids d&apos;origine</translation>
    </message>
    <message>
        <source>After the recipe</source>
        <translation>Après la recette</translation>
    </message>
    <message>
        <source>%1
value %2: %3 weights</source>
        <translation>%1
valeur %2&#xa0;: %3 poids</translation>
    </message>
    <message>
        <source>Error per weight (stored − original)</source>
        <translation>Erreur par poids (stocké − original)</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>Arrondi</translation>
    </message>
    <message>
        <source>The histogram of what the recipe changed in each weight of the selected tensor.</source>
        <translation>L&apos;histogramme de ce que la recette a changé dans chaque poids du tenseur sélectionné.</translation>
    </message>
    <message>
        <source>Error of each weight</source>
        <translation>Erreur de chaque poids</translation>
    </message>
    <message>
        <source>error %1: %2 weights</source>
        <translation>erreur %1&#xa0;: %2 poids</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>One row</source>
        <translation>Une ligne</translation>
    </message>
    <message>
        <source>A stretch of one row of the selected tensor (the row with its largest weight): the original signal and what the recipe stores.</source>
        <translation>Un segment d&apos;une ligne du tenseur sélectionné (celle qui contient son plus grand poids)&#xa0;: le signal d&apos;origine et ce que la recette stocke.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Stored by the recipe</source>
        <translation>Stocké par la recette</translation>
    </message>
    <message>
        <source>%1
column %2: %3</source>
        <translation>%1
colonne %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Rank (singular value number)</source>
        <translation>Rang (numéro de la valeur singulière)</translation>
    </message>
    <message>
        <source>Singular value</source>
        <translation>Valeur singulière</translation>
    </message>
    <message>
        <source>Energy kept (%)</source>
        <translation>Énergie gardée (%)</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Spectre</translation>
    </message>
    <message>
        <source>The singular values of the selected tensor and the share of its energy (squared Frobenius norm) the first r of them keep: how far a low-rank factorisation can go.</source>
        <translation>Les valeurs singulières du tenseur sélectionné et la part de son énergie (norme de Frobenius au carré) que conservent les r premières&#xa0;: jusqu&apos;où peut aller une factorisation de rang faible.</translation>
    </message>
    <message>
        <source>Singular value σᵢ</source>
        <translation>Valeur singulière σᵢ</translation>
    </message>
    <message>
        <source>Energy kept by the first r (%)</source>
        <translation>Énergie conservée par les r premières (%)</translation>
    </message>
    <message>
        <source>The recipe&apos;s rank</source>
        <translation>Rang de la recette</translation>
    </message>
    <message>
        <source>σ%1 = %2</source>
        <translation>σ%1 = %2</translation>
    </message>
    <message>
        <source>the first %1 keep %2 % of the energy</source>
        <translation>les %1 premières conservent %2 % de l&apos;énergie</translation>
    </message>
    <message>
        <source>Singular values of %1</source>
        <translation>Valeurs singulières de %1</translation>
    </message>
    <message>
        <source>all %1 singular values</source>
        <translation>l&apos;ensemble des %1 valeurs singulières</translation>
    </message>
    <message>
        <source>the leading %1 (randomized SVD)</source>
        <translation>les %1 plus grandes (SVD randomisée)</translation>
    </message>
    <message>
        <source>Spectrum of %1: %2&lt;br&gt;low rank is off in this recipe</source>
        <translation>Spectre de %1&#xa0;: %2&lt;br&gt;le rang faible est désactivé dans cette recette</translation>
    </message>
    <message>
        <source>Spectrum of %1: %2&lt;br&gt;%3 % of the energy needs more than these</source>
        <translation>Spectre de %1&#xa0;: %2&lt;br&gt;%3 % de l&apos;énergie exige davantage que celles-ci</translation>
    </message>
    <message>
        <source>Spectrum of %1: %2&lt;br&gt;keeping %3 % of the energy takes rank %4 of %5</source>
        <translation>Spectre de %1&#xa0;: %2&lt;br&gt;conserver %3 % de l&apos;énergie demande le rang %4 sur %5</translation>
    </message>
    <message>
        <source>The recipe cannot be measured: %1</source>
        <translation>Impossible de mesurer la recette&#xa0;: %1</translation>
    </message>
    <message>
        <source>Measuring %1 under the recipe…</source>
        <translation>Mesure de %1 avec la recette…</translation>
    </message>
    <message>
        <source>Measuring %1</source>
        <translation>Mesure de %1</translation>
    </message>
    <message>
        <source>Measuring every scheme on %1</source>
        <translation>Mesure de tous les schémas sur %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) under this recipe: %3, %4 bits/weight — RMS error %5, relative error %6, SQNR %7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) avec cette recette&#xa0;: %3, %4 bits/poids — erreur RMS %5, erreur relative %6, SQNR %7</translation>
    </message>
    <message>
        <source>, %1 of the weights stored as exactly zero</source>
        <translation>, %1 des poids stockés exactement à zéro</translation>
    </message>
    <message>
        <source>. &lt;i&gt;Measured on this checkpoint.&lt;/i&gt;</source>
        <translation>. &lt;i&gt;Mesuré sur ce checkpoint.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) is stored unchanged as %3%4.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) est stocké tel quel en %3%4.</translation>
    </message>
    <message>
        <source>Grid: %1 levels of one group</source>
        <translation>Grille&#xa0;: %1 niveaux d&apos;un groupe</translation>
    </message>
    <message>
        <source> (%1 levels, too many to draw)</source>
        <translation> (%1 niveaux, trop pour être tracés)</translation>
    </message>
    <message>
        <source>&lt;br&gt;not quantised: no grid</source>
        <translation>&lt;br&gt;non quantifié&#xa0;: pas de grille</translation>
    </message>
    <message>
        <source>Weights of %1, before and after%2</source>
        <translation>Poids de %1, avant et après%2</translation>
    </message>
    <message>
        <source>What the recipe changed in each weight of %1&lt;br&gt;RMS error %2, largest %3</source>
        <translation>Ce que la recette a changé dans chaque poids de %1&lt;br&gt;erreur RMS %2, maximum %3</translation>
    </message>
    <message>
        <source>%1 is stored unchanged: every error is zero</source>
        <translation>%1 est stocké tel quel&#xa0;: toutes les erreurs sont nulles</translation>
    </message>
    <message>
        <source>Row %1 of %2, columns %3–%4: original and stored&lt;br&gt;RMS error in this stretch %5</source>
        <translation>Ligne %1 de %2, colonnes %3–%4&#xa0;: original et stocké&lt;br&gt;erreur RMS sur ce segment %5</translation>
    </message>
    <message>
        <source>Reconstruction error against bits: %1 schemes measured on %2</source>
        <translation>Erreur de reconstruction selon les bits&#xa0;: %1 schémas mesurés sur %2</translation>
    </message>
    <message>
        <source>Reconstruction error against bits (select a tensor)</source>
        <translation>Erreur de reconstruction selon les bits (sélectionnez un tenseur)</translation>
    </message>
    <message>
        <source>Weights before and after the recipe (select a tensor)</source>
        <translation>Poids avant et après la recette (sélectionnez un tenseur)</translation>
    </message>
    <message>
        <source>Error of each weight (select a tensor)</source>
        <translation>Erreur de chaque poids (sélectionnez un tenseur)</translation>
    </message>
    <message>
        <source>One row, original and stored (select a tensor)</source>
        <translation>Une ligne, originale et stockée (sélectionnez un tenseur)</translation>
    </message>
    <message>
        <source>Singular values and energy (select a tensor)</source>
        <translation>Valeurs singulières et énergie (sélectionnez un tenseur)</translation>
    </message>
    <message>
        <source>the whole tensor</source>
        <translation>le tenseur entier</translation>
    </message>
    <message>
        <source>row %1, columns %2–%3</source>
        <translation>la ligne %1, colonnes %2–%3</translation>
    </message>
    <message>
        <source>%1: the group is all zero, one level (0) in %2</source>
        <translation>%1&#xa0;: le groupe est entièrement nul, un seul niveau (0) dans %2</translation>
    </message>
    <message>
        <source>%1: %2 levels %3 apart in %4</source>
        <translation>%1&#xa0;: %2 niveaux espacés de %3 dans %4</translation>
    </message>
    <message>
        <source>%1: %2 levels from %3 to %4 in %5</source>
        <translation>%1&#xa0;: %2 niveaux de %3 à %4 dans %5</translation>
    </message>
</context>
<context>
    <name>complab::MemoryCharts</name>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>VRAM required, term by term, against device budgets</source>
        <translation>VRAM nécessaire, terme par terme, face aux budgets des appareils</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>Cache KV</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Activations</translation>
    </message>
    <message>
        <source>Runtime overhead</source>
        <translation>Surcoût d&apos;exécution</translation>
    </message>
    <message>
        <source>Runtime profile</source>
        <translation>Profil d&apos;exécution</translation>
    </message>
    <message>
        <source>first-order</source>
        <translation>premier ordre</translation>
    </message>
    <message>
        <source>llama.cpp</source>
        <translation>llama.cpp</translation>
    </message>
    <message>
        <source>Memory (GB)</source>
        <translation>Mémoire (GB)</translation>
    </message>
    <message>
        <source>Compute buffer</source>
        <translation>Tampon de calcul</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>VRAM against context length: where the KV cache overtakes the weights</source>
        <translation>VRAM selon la longueur de contexte&#xa0;: là où le cache KV dépasse les poids</translation>
    </message>
    <message>
        <source>Context length (K tokens, log scale)</source>
        <translation>Longueur de contexte (K jetons, échelle log)</translation>
    </message>
    <message>
        <source>%1
%2 tokens: %3</source>
        <translation>%1
%2 jetons&#xa0;: %3</translation>
    </message>
    <message>
        <source>Total VRAM, KV cache %1</source>
        <translation>VRAM totale, cache KV %1</translation>
    </message>
    <message>
        <source>Weights alone</source>
        <translation>Poids seuls</translation>
    </message>
    <message>
        <source>KV cache alone (chosen type)</source>
        <translation>Cache KV seul (type choisi)</translation>
    </message>
    <message>
        <source>KV cache overtakes the weights</source>
        <translation>Le cache KV dépasse les poids</translation>
    </message>
    <message>
        <source>This recipe</source>
        <translation>Cette recette</translation>
    </message>
    <message>
        <source>Weights on disk for each precision, against the FP32 baseline</source>
        <translation>Poids sur disque pour chaque précision, face à la référence FP32</translation>
    </message>
    <message>
        <source>Weights on disk (the chosen precision in orange)</source>
        <translation>Poids sur disque (la précision choisie en orange)</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <source>Weights on disk (GB)</source>
        <translation>Poids sur disque (GB)</translation>
    </message>
    <message>
        <source>%1: %2, %3 of FP32</source>
        <translation>%1&#xa0;: %2, %3 du FP32</translation>
    </message>
    <message>
        <source>first-order (chosen)</source>
        <translation>premier ordre (choisi)</translation>
    </message>
    <message>
        <source>llama.cpp (chosen)</source>
        <translation>llama.cpp (choisi)</translation>
    </message>
    <message>
        <source>Fit: %1</source>
        <translation>Cible&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: budget %2 (usable memory less headroom)</source>
        <translation>%1&#xa0;: budget %2 (mémoire utilisable moins la marge)</translation>
    </message>
</context>
<context>
    <name>complab::MessageBar</name>
    <message>
        <source>Dismiss this message</source>
        <translation>Fermer ce message</translation>
    </message>
</context>
<context>
    <name>complab::MetadataModel</name>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>complab::ModelCardWidget</name>
    <message>
        <source>No model open</source>
        <translation>Aucun modèle ouvert</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>The file format the checkpoint is stored in.</source>
        <translation>Le format de fichier dans lequel le checkpoint est stocké.</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>The network&apos;s shape, from the config.json beside the weights.</source>
        <translation>La forme du réseau, d&apos;après le config.json placé à côté des poids.</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tenseurs</translation>
    </message>
    <message>
        <source>How many named weight arrays the checkpoint holds.</source>
        <translation>Le nombre de tableaux de poids nommés que contient le checkpoint.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Total number of weights: the model size quoted as 8B, 70B, ...</source>
        <translation>Nombre total de poids&#xa0;: la taille du modèle annoncée sous la forme 8B, 70B, ...</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>Taille sur disque</translation>
    </message>
    <message>
        <source>Bytes the checkpoint occupies on disk, header included.</source>
        <translation>Octets qu&apos;occupe le checkpoint sur disque, en-tête compris.</translation>
    </message>
    <message>
        <source>Number types</source>
        <translation>Types numériques</translation>
    </message>
    <message>
        <source>How the weights are stored: BF16 and F16 use 2 bytes a weight, F32 uses 4.</source>
        <translation>Comment les poids sont stockés&#xa0;: BF16 et F16 occupent 2 octets par poids, F32 en occupe 4.</translation>
    </message>
    <message numerus="yes">
        <source>%n layers</source>
        <translation>
            <numerusform>%n couche</numerusform>
            <numerusform>%n couches</numerusform>
        </translation>
    </message>
    <message>
        <source>width %1</source>
        <translation>largeur %1</translation>
    </message>
    <message>
        <source>%1 heads (%2 key/value)</source>
        <translation>%1 têtes (%2 clé/valeur)</translation>
    </message>
    <message>
        <source>vocabulary %1</source>
        <translation>vocabulaire %1</translation>
    </message>
    <message>
        <source>context %1</source>
        <translation>contexte %1</translation>
    </message>
    <message>
        <source>unknown (no config.json beside the file)</source>
        <translation>inconnue (pas de config.json à côté du fichier)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n tensors)</source>
        <translation>
            <numerusform>%1 (%n tenseur)</numerusform>
            <numerusform>%1 (%n tenseurs)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>complab::ModelPane</name>
    <message>
        <source>Drop a checkpoint (.safetensors, .gguf, .h5, llama2.c .bin) or a model folder anywhere on this window, or use File ▸ Open.</source>
        <translation>Déposez un checkpoint (.safetensors, .gguf, .h5, .bin llama2.c) ou un dossier de modèle n&apos;importe où sur cette fenêtre, ou utilisez Fichier ▸ Ouvrir.</translation>
    </message>
    <message>
        <source>Filter by name (e.g. mlp, layers.3, q_proj, tokenizer)</source>
        <translation>Filtrer par nom (p. ex. mlp, layers.3, q_proj, tokenizer)</translation>
    </message>
    <message>
        <source>Show only tensors whose full name contains this text.</source>
        <translation>N&apos;afficher que les tenseurs dont le nom complet contient ce texte.</translation>
    </message>
    <message>
        <source>Tensor filter</source>
        <translation>Filtre de tenseurs</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tenseurs</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Key/value information stored in the file: GGUF keys, safetensors __metadata__.</source>
        <translation>Informations clé/valeur stockées dans le fichier&#xa0;: clés GGUF, __metadata__ de safetensors.</translation>
    </message>
    <message>
        <source>Metadata (%1)</source>
        <translation>Métadonnées (%1)</translation>
    </message>
</context>
<context>
    <name>complab::PruneMaskView</name>
    <message>
        <source>Select a weight matrix to see which of its weights each pruning method removes.</source>
        <translation>Sélectionnez une matrice de poids pour voir lesquels de ses poids chaque méthode d&apos;élagage retire.</translation>
    </message>
    <message>
        <source>%1 is not a weight matrix: nothing to prune.</source>
        <translation>%1 n&apos;est pas une matrice de poids&#xa0;: rien à élaguer.</translation>
    </message>
    <message>
        <source>Pruning %1…</source>
        <translation>Élagage de %1…</translation>
    </message>
    <message>
        <source>Pruning masks of %1</source>
        <translation>Masques d&apos;élagage de %1</translation>
    </message>
    <message>
        <source>Magnitude, %1 removed</source>
        <translation>Magnitude, %1 retirés</translation>
    </message>
    <message>
        <source>2:4 (half of every four)</source>
        <translation>2:4 (deux poids sur quatre)</translation>
    </message>
    <message>
        <source>Structured: %1 of the rows (neurons)</source>
        <translation>Structuré&#xa0;: %1 des lignes (neurones)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;whole tensor: %2 removed, relative error %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;tenseur entier&#xa0;: %2 retirés, erreur relative %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, rows %2–%3, columns %4–%5 (around its largest weight); one square per weight: darker = larger |w|, white = removed. %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, lignes %2–%3, colonnes %4–%5 (autour de son plus grand poids)&#xa0;; un carré par poids&#xa0;: plus foncé = |w| plus grand, blanc = retiré. %6</translation>
    </message>
    <message>
        <source>The fraction is the recipe&apos;s pruning slider (one half while it is at 0 %).</source>
        <translation>La proportion est celle du curseur d&apos;élagage de la recette (la moitié tant qu&apos;il est à 0 %).</translation>
    </message>
</context>
<context>
    <name>complab::QualityCharts</name>
    <message>
        <source>General-purpose open models</source>
        <translation>Modèles ouverts généralistes</translation>
    </message>
    <message>
        <source>Small models (≤ 4B)</source>
        <translation>Petits modèles (≤ 4B)</translation>
    </message>
    <message>
        <source>Tiny models (≤ 1.5B)</source>
        <translation>Très petits modèles (≤ 1,5B)</translation>
    </message>
    <message>
        <source>Large models (≥ 40B)</source>
        <translation>Grands modèles (≥ 40B)</translation>
    </message>
    <message>
        <source>Quality against precision</source>
        <translation>Qualité selon la précision</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits par poids</translation>
    </message>
    <message>
        <source>Quality against pruning</source>
        <translation>Qualité selon l&apos;élagage</translation>
    </message>
    <message>
        <source>Pruned (%)</source>
        <translation>Élagué (%)</translation>
    </message>
    <message>
        <source>Quality against distillation</source>
        <translation>Qualité selon la distillation</translation>
    </message>
    <message>
        <source>Smaller by (×)</source>
        <translation>Facteur de réduction (×)</translation>
    </message>
    <message>
        <source>Quality (%)</source>
        <translation>Qualité (%)</translation>
    </message>
    <message>
        <source>Rule of thumb</source>
        <translation>Règle empirique</translation>
    </message>
    <message>
        <source>This recipe</source>
        <translation>Cette recette</translation>
    </message>
    <message>
        <source>%1
%2: %3
quality %4</source>
        <translation>%1
%2&#xa0;: %3
qualité %4</translation>
    </message>
    <message>
        <source>%1, on %2
%3: %4
measured %5</source>
        <translation>%1, sur %2
%3&#xa0;: %4
valeur mesurée %5</translation>
    </message>
    <message>
        <source>Where real models sit: size on disk against quality (Llama-3.1-8B FP16 = 100)</source>
        <translation>Où se situent les vrais modèles&#xa0;: taille sur disque face à la qualité (Llama-3.1-8B FP16 = 100)</translation>
    </message>
    <message>
        <source>Weights on disk (GB, log scale)</source>
        <translation>Poids sur disque (GB, échelle log)</translation>
    </message>
    <message>
        <source>Quality (normalised MMLU, Llama-3.1-8B = 100)</source>
        <translation>Qualité (MMLU normalisé, Llama-3.1-8B = 100)</translation>
    </message>
    <message>
        <source>, FP16</source>
        <translation>, FP16</translation>
    </message>
    <message>
        <source>%1 at FP16: %2 GB, quality %3 (MMLU %4)
%5</source>
        <translation>%1 en FP16&#xa0;: %2 GB, qualité %3 (MMLU %4)
%5</translation>
    </message>
    <message>
        <source>The same models at INT4</source>
        <translation>Les mêmes modèles en INT4</translation>
    </message>
    <message>
        <source>%1 at INT4: %2 GB</source>
        <translation>%1 en INT4&#xa0;: %2 GB</translation>
    </message>
    <message>
        <source>This recipe (estimate)</source>
        <translation>Cette recette (estimation)</translation>
    </message>
    <message>
        <source>This recipe: %1 GB, quality ≈ %2
(%3&apos;s FP16 quality × this recipe&apos;s retained share)</source>
        <translation>Cette recette&#xa0;: %1 GB, qualité ≈ %2
(qualité FP16 de %3 × part conservée par cette recette)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The factors multiply:&lt;/b&gt; quality retained = precision × pruning × distillation = %1 × %2 × %3 = &lt;b&gt;%4&lt;/b&gt;.&lt;br&gt;&lt;span style=&apos;color:#828282&apos;&gt;&amp;#9473;&amp;#9473;&lt;/span&gt; rule of thumb, calibrated from published results &amp;nbsp; &lt;span style=&apos;color:#e06c1f&apos;&gt;&amp;#9679;&lt;/span&gt; this recipe &amp;nbsp; %5</source>
        <translation>&lt;b&gt;Les facteurs se multiplient&#xa0;:&lt;/b&gt; qualité conservée = précision × élagage × distillation = %1 × %2 × %3 = &lt;b&gt;%4&lt;/b&gt;.&lt;br&gt;&lt;span style=&apos;color:#828282&apos;&gt;&amp;#9473;&amp;#9473;&lt;/span&gt; règle empirique, calibrée sur des résultats publiés &amp;nbsp; &lt;span style=&apos;color:#e06c1f&apos;&gt;&amp;#9679;&lt;/span&gt; cette recette &amp;nbsp; %5</translation>
    </message>
    <message>
        <source>(Measure quality, in the Quality tab under the charts, adds points measured on the open model.)</source>
        <translation>(«&#xa0;Mesurer la qualité&#xa0;», dans l&apos;onglet Qualité sous les graphiques, ajoute des points mesurés sur le modèle ouvert.)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1f77b4&apos;&gt;&amp;#9679;&lt;/span&gt; top token kept and &lt;span style=&apos;color:#d62728&apos;&gt;&amp;#9679;&lt;/span&gt; perplexity kept (PPL₀ / PPL), measured on %1</source>
        <translation>&lt;span style=&apos;color:#1f77b4&apos;&gt;&amp;#9679;&lt;/span&gt; jeton de tête conservé et &lt;span style=&apos;color:#d62728&apos;&gt;&amp;#9679;&lt;/span&gt; perplexité conservée (PPL₀ / PPL), mesurés sur %1</translation>
    </message>
    <message>
        <source>Measured: top token</source>
        <translation>Mesuré&#xa0;: jeton de tête</translation>
    </message>
    <message>
        <source>Measured: PPL₀/PPL</source>
        <translation>Mesuré&#xa0;: PPL₀/PPL</translation>
    </message>
</context>
<context>
    <name>complab::QualitySweepPanel</name>
    <message>
        <source>Measure quality</source>
        <translation>Mesurer la qualité</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>Divergence KL</translation>
    </message>
    <message>
        <source>Run the model on the held-out text at INT2…INT8 and with one layer at a time quantised: some twenty forward passes over the text</source>
        <translation>Exécuter le modèle sur le texte réservé en INT2…INT8, puis en quantifiant une couche à la fois&#xa0;: une vingtaine de passes avant sur le texte</translation>
    </message>
    <message>
        <source>Measure runs the model to put measured points beside the rule of thumb.</source>
        <translation>«&#xa0;Mesurer la qualité&#xa0;» exécute le modèle pour placer des points mesurés à côté de la règle empirique.</translation>
    </message>
    <message>
        <source>Bits per weight, scales included</source>
        <translation>Bits par poids, échelles comprises</translation>
    </message>
    <message>
        <source>Quality (%)</source>
        <translation>Qualité (%)</translation>
    </message>
    <message>
        <source>Rule of thumb</source>
        <translation>Règle empirique</translation>
    </message>
    <message>
        <source>Top token kept</source>
        <translation>Jeton de tête conservé</translation>
    </message>
    <message>
        <source>Perplexity kept</source>
        <translation>Perplexité conservée</translation>
    </message>
    <message>
        <source>%1
%2 bits/weight: %3 %</source>
        <translation>%1
%2 bits/poids&#xa0;: %3 %</translation>
    </message>
    <message>
        <source>Quality against bits: measured and rule of thumb</source>
        <translation>Qualité selon les bits&#xa0;: mesures et règle empirique</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Per-layer sensitivity</source>
        <translation>Sensibilité par couche</translation>
    </message>
    <message>
        <source>layer %1: KL divergence %2 nats/token</source>
        <translation>couche %1&#xa0;: divergence KL %2 nats/jeton</translation>
    </message>
    <message>
        <source>Measuring… %1</source>
        <translation>Mesure en cours… %1</translation>
    </message>
    <message>
        <source>Measuring stopped.</source>
        <translation>Mesure interrompue.</translation>
    </message>
    <message>
        <source>Measuring quality</source>
        <translation>Mesure de la qualité</translation>
    </message>
    <message>
        <source>Cannot measure: %1.</source>
        <translation>Mesure impossible&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Measured on %1 and the rule of thumb</source>
        <translation>Mesures sur %1 et règle empirique</translation>
    </message>
    <message>
        <source>One layer at a time at %1</source>
        <translation>Une couche à la fois en %1</translation>
    </message>
    <message>
        <source>Original perplexity %1 on %2 held-out tokens. Top token kept: how often the quantised model&apos;s first choice is the original&apos;s; perplexity kept: PPL₀ / PPL. Measured on this checkpoint.</source>
        <translation>Perplexité d&apos;origine %1 sur %2 jetons réservés. Jeton de tête conservé&#xa0;: la fréquence à laquelle le premier choix du modèle quantifié est celui de l&apos;original&#xa0;; perplexité conservée&#xa0;: PPL₀ / PPL. Mesuré sur ce checkpoint.</translation>
    </message>
</context>
<context>
    <name>complab::QuantRowDemo</name>
    <message>
        <source>Bits per weight</source>
        <translation>Bits par poids</translation>
    </message>
    <message>
        <source>How many bits each weight keeps: 2^bits levels between the row&apos;s smallest and largest weight</source>
        <translation>Le nombre de bits que garde chaque poids&#xa0;: 2^bits niveaux entre le plus petit et le plus grand poids de la ligne</translation>
    </message>
    <message>
        <source>One row of weights, before and after rounding</source>
        <translation>Une ligne de poids, avant et après l&apos;arrondi</translation>
    </message>
    <message>
        <source>Column of the row</source>
        <translation>Colonne de la ligne</translation>
    </message>
    <message>
        <source>Weight value</source>
        <translation>Valeur du poids</translation>
    </message>
    <message>
        <source>Original (as stored in the checkpoint)</source>
        <translation>Original (tel que stocké dans le checkpoint)</translation>
    </message>
    <message>
        <source>Rounded to the grid</source>
        <translation>Arrondi sur la grille</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Colonne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>RMS reconstruction error</source>
        <translation>Erreur de reconstruction RMS</translation>
    </message>
    <message>
        <source>This checkpoint has no weight matrix to take a row from.</source>
        <translation>Ce checkpoint n&apos;a aucune matrice de poids d&apos;où tirer une ligne.</translation>
    </message>
    <message>
        <source>Reading a row of %1…</source>
        <translation>Lecture d&apos;une ligne de %1…</translation>
    </message>
    <message>
        <source>Rounding a row of %1</source>
        <translation>Arrondi d&apos;une ligne de %1</translation>
    </message>
    <message>
        <source>%1 bits · %2 levels</source>
        <translation>%1 bits · %2 niveaux</translation>
    </message>
    <message>
        <source>%1 bits: %2</source>
        <translation>%1 bits&#xa0;: %2</translation>
    </message>
    <message>
        <source>RMS error at each width — each bit removed roughly doubles it: %1</source>
        <translation>Erreur RMS pour chaque nombre de bits — chaque bit retiré la double à peu près&#xa0;: %1</translation>
    </message>
    <message>
        <source>Row %1 of %2 in %3 (the row whose largest weight is the median of all rows); the first %4 of its %5 columns are drawn, the error is over the whole row. Dotted lines: the levels the grid allows.</source>
        <translation>Ligne %1 sur %2 de %3 (celle dont le plus grand poids est la médiane de toutes les lignes)&#xa0;; les %4 premières de ses %5 colonnes sont tracées, l&apos;erreur porte sur la ligne entière. En pointillés&#xa0;: les niveaux que permet la grille.</translation>
    </message>
</context>
<context>
    <name>complab::RecipePane</name>
    <message>
        <source>F32 (4 bytes per value)</source>
        <translation>F32 (4 octets par valeur)</translation>
    </message>
    <message>
        <source>F16 (2 bytes, the default)</source>
        <translation>F16 (2 octets, par défaut)</translation>
    </message>
    <message>
        <source>BF16 (2 bytes)</source>
        <translation>BF16 (2 octets)</translation>
    </message>
    <message>
        <source>FP8 (1 byte)</source>
        <translation>FP8 (1 octet)</translation>
    </message>
    <message>
        <source>Q8_0 (≈1.06 bytes, llama.cpp)</source>
        <translation>Q8_0 (≈1,06 octet, llama.cpp)</translation>
    </message>
    <message>
        <source>Q4_0 (≈0.56 bytes, llama.cpp)</source>
        <translation>Q4_0 (≈0,56 octet, llama.cpp)</translation>
    </message>
    <message>
        <source>Use the &amp;loaded model</source>
        <translation>&amp;Utiliser le modèle chargé</translation>
    </message>
    <message>
        <source>Fl&amp;ash attention</source>
        <translation>Flas&amp;h attention</translation>
    </message>
    <message>
        <source>Model &amp;size</source>
        <translation>&amp;Taille du modèle</translation>
    </message>
    <message>
        <source>How many weights the model has. Memory grows in proportion; the slider is logarithmic, from 0.5 to 405 billion.</source>
        <translation>Le nombre de poids du modèle. La mémoire croît en proportion&#xa0;; le curseur est logarithmique, de 0,5 à 405 milliards.</translation>
    </message>
    <message>
        <source>Estimate for the checkpoint that is open, with its own parameter count and shape, instead of a model of the size on the slider.</source>
        <translation>Estimer pour le checkpoint ouvert, avec son propre nombre de paramètres et sa propre forme, plutôt que pour un modèle de la taille indiquée par le curseur.</translation>
    </message>
    <message>
        <source>The layer and attention shape the KV-cache estimate uses. With only a size, the lab borrows the shape of the nearest real model.</source>
        <translation>La forme des couches et de l&apos;attention qu&apos;utilise l&apos;estimation du cache KV. Avec une simple taille, le labo emprunte la forme du modèle réel le plus proche.</translation>
    </message>
    <message>
        <source>&amp;Precision (weight format)</source>
        <translation>&amp;Précision (format des poids)</translation>
    </message>
    <message>
        <source>How many bits store each weight. Fewer bits make the file smaller but round every weight to a coarser grid, which costs quality.</source>
        <translation>Le nombre de bits qui stockent chaque poids. Moins de bits rendent le fichier plus petit mais arrondissent chaque poids sur une grille plus grossière, ce qui coûte en qualité.</translation>
    </message>
    <message>
        <source>&amp;Group size</source>
        <translation>Taille de &amp;groupe</translation>
    </message>
    <message>
        <source>Integer formats share one scale between a group of weights; smaller groups follow the weights more closely but store more scales. The k-quants and float formats have their own fixed blocks.</source>
        <translation>Les formats entiers partagent une échelle au sein d&apos;un groupe de poids&#xa0;; des groupes plus petits suivent les poids de plus près mais stockent plus d&apos;échelles. Les k-quants et les formats flottants ont leurs propres blocs fixes.</translation>
    </message>
    <message>
        <source>P&amp;runing</source>
        <translation>É&amp;lagage</translation>
    </message>
    <message>
        <source>Share of the weights removed. The first third costs little; past about 60 % quality falls off a cliff unless the model is fine-tuned afterwards.</source>
        <translation>Part des poids retirés. Le premier tiers coûte peu&#xa0;; au-delà d&apos;environ 60 %, la qualité s&apos;effondre, à moins d&apos;affiner le modèle ensuite.</translation>
    </message>
    <message>
        <source>Pruning &amp;method</source>
        <translation>&amp;Méthode d&apos;élagage</translation>
    </message>
    <message>
        <source>How the weights to remove are chosen. The rule-of-thumb estimate uses one curve for all methods; measuring them on the checkpoint shows how they differ.</source>
        <translation>Comment sont choisis les poids à retirer. L&apos;estimation empirique utilise une seule courbe pour toutes les méthodes&#xa0;; les mesurer sur le checkpoint montre en quoi elles diffèrent.</translation>
    </message>
    <message>
        <source>&amp;Distillation</source>
        <translation>&amp;Distillation</translation>
    </message>
    <message>
        <source>Train a smaller student model to imitate this one. 4× means the student has a quarter of the weights; each halving costs a small, steady amount of quality.</source>
        <translation>Entraîner un modèle élève plus petit à imiter celui-ci. 4× signifie que l&apos;élève a quatre fois moins de poids&#xa0;; chaque division par deux coûte un peu de qualité, toujours à peu près autant.</translation>
    </message>
    <message>
        <source>Lo&amp;w-rank energy kept</source>
        <translation>Rang fai&amp;ble (énergie conservée)</translation>
    </message>
    <message>
        <source>Replace each weight matrix by two thin ones that keep this share of its energy (squared singular values). 100 % means no factorisation.</source>
        <translation>Remplacer chaque matrice de poids par deux matrices étroites qui conservent cette part de son énergie (valeurs singulières au carré). 100 % signifie aucune factorisation.</translation>
    </message>
    <message>
        <source>&amp;Context length</source>
        <translation>Longueur de &amp;contexte</translation>
    </message>
    <message>
        <source>How many tokens the model keeps in view. The KV cache grows in proportion and dominates memory at long contexts.</source>
        <translation>Le nombre de jetons que le modèle garde en vue. Le cache KV croît en proportion et domine la mémoire aux contextes longs.</translation>
    </message>
    <message>
        <source>&amp;Batch (sequences)</source>
        <translation>Lot (&amp;séquences)</translation>
    </message>
    <message>
        <source>How many conversations run at once. Each one needs its own KV cache, so memory for the cache multiplies.</source>
        <translation>Le nombre de conversations menées en même temps. Chacune a besoin de son propre cache KV&#xa0;: la mémoire du cache est multipliée d&apos;autant.</translation>
    </message>
    <message>
        <source>&amp;KV cache type</source>
        <translation>Type de cache &amp;KV</translation>
    </message>
    <message>
        <source>The number format of the attention cache (keys and values of every past token). Quantising it is the main lever at long contexts.</source>
        <translation>Le format numérique du cache d&apos;attention (clés et valeurs de chaque jeton passé). Le quantifier est le principal levier aux contextes longs.</translation>
    </message>
    <message>
        <source>First-order (the seed&apos;s arithmetic)</source>
        <translation>Premier ordre (le calcul de l&apos;article source)</translation>
    </message>
    <message>
        <source>llama.cpp (its real allocations)</source>
        <translation>llama.cpp (ses allocations réelles)</translation>
    </message>
    <message>
        <source>R&amp;untime profile</source>
        <translation>Profil d&apos;exécutio&amp;n</translation>
    </message>
    <message>
        <source>Which memory model the VRAM figure follows: the simple textbook sum, or what llama.cpp actually allocates (compute buffers, per-GPU overhead).</source>
        <translation>Le modèle de mémoire que suit le chiffre de VRAM&#xa0;: la simple somme classique, ou ce que llama.cpp alloue réellement (tampons de calcul, surcoût par GPU).</translation>
    </message>
    <message>
        <source>llama.cpp&apos;s fused attention: smaller compute buffers, and required before it will store a quantised V cache.</source>
        <translation>L&apos;attention fusionnée de llama.cpp&#xa0;: des tampons de calcul plus petits&#xa0;; elle est requise pour qu&apos;il stocke un cache V quantifié.</translation>
    </message>
    <message>
        <source>as loaded: %1</source>
        <translation>tel que chargé&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 weights</source>
        <translation>%1 poids</translation>
    </message>
    <message>
        <source>assuming %1-like: %2</source>
        <translation>supposé proche de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>shape of %1 (from its config.json): %2</source>
        <translation>forme de %1 (d&apos;après son config.json)&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 · %2 bits/weight</source>
        <translation>%1 · %2 bits/poids</translation>
    </message>
    <message>
        <source>fixed by the format</source>
        <translation>fixée par le format</translation>
    </message>
    <message>
        <source>no scales (seed)</source>
        <translation>sans échelle (article)</translation>
    </message>
    <message>
        <source>%1 per scale</source>
        <translation>%1 par échelle</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 retirés</translation>
    </message>
    <message>
        <source>1× (none)</source>
        <translation>1× (aucune)</translation>
    </message>
    <message>
        <source>%1× smaller</source>
        <translation>%1× plus petit</translation>
    </message>
    <message>
        <source>100 % (off)</source>
        <translation>100 % (désactivé)</translation>
    </message>
    <message>
        <source>%1 (not estimated)</source>
        <translation>%1 (non estimé)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>%1 layers, %2 KV heads × %3</source>
        <translation>%1 couches, %2 têtes KV × %3</translation>
    </message>
    <message>
        <source>, sliding window %1 on %2 layers</source>
        <translation>, fenêtre glissante de %1 sur %2 couches</translation>
    </message>
    <message>
        <source>, %1 experts (%2 per token)</source>
        <translation>, %1 experts (%2 par jeton)</translation>
    </message>
</context>
<context>
    <name>complab::ReportExporter</name>
    <message>
        <source>Measuring %1…</source>
        <translation>Mesure de %1…</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Le rapport n’a pas été écrit&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: a report is .html, .pdf, .csv or .h5.</source>
        <translation>%1&#xa0;: un rapport est au format .html, .pdf, .csv ou .h5.</translation>
    </message>
    <message>
        <source>Measuring the recipe…</source>
        <translation>Mesure de la recette…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Exporter un rapport</translation>
    </message>
    <message>
        <source>Writing the report %1</source>
        <translation>Écriture du rapport %1</translation>
    </message>
    <message>
        <source>no held-out text is bundled with this build</source>
        <translation>aucun texte de validation n’est fourni avec cette version</translation>
    </message>
    <message>
        <source>the model is larger than the lab evaluates in memory</source>
        <translation>le modèle dépasse la taille que le labo évalue en mémoire</translation>
    </message>
    <message>
        <source>Report written: %1 (%2 tensors, %3 bits/weight%4)</source>
        <translation>Rapport écrit&#xa0;: %1 (%2 tenseurs, %3 bits/poids%4)</translation>
    </message>
    <message>
        <source>, perplexity %1 → %2</source>
        <translation>, perplexité %1 → %2</translation>
    </message>
</context>
<context>
    <name>complab::RunPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Run on the whole model</source>
        <translation>Compresser tout le modèle</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save compressed model…</source>
        <translation>Enregistrer le résultat…</translation>
    </message>
    <message>
        <source>GGUF (llama.cpp)</source>
        <translation>GGUF (llama.cpp)</translation>
    </message>
    <message>
        <source>safetensors (transformers)</source>
        <translation>safetensors (transformers)</translation>
    </message>
    <message>
        <source>GGUF stores llama.cpp&apos;s block formats natively; other schemes (int4, NF4, FP8) are written to safetensors as the values they round to</source>
        <translation>GGUF stocke nativement les formats par blocs de llama.cpp&#xa0;; les autres schémas (int4, NF4, FP8) sont écrits en safetensors sous la forme des valeurs arrondies</translation>
    </message>
    <message>
        <source>Compress every tensor with the recipe, exactly as compression-lab-cli apply would</source>
        <translation>Compresser chaque tenseur avec la recette, exactement comme le ferait compression-lab-cli apply</translation>
    </message>
    <message>
        <source>Run compresses the whole model with the recipe into a temporary file; Save keeps it.</source>
        <translation>«&#xa0;Exécuter&#xa0;» compresse tout le modèle avec la recette dans un fichier temporaire&#xa0;; «&#xa0;Enregistrer&#xa0;» le conserve.</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tenseur</translation>
    </message>
    <message>
        <source>Stored as</source>
        <translation>Stocké en</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/poids</translation>
    </message>
    <message>
        <source>RMS error</source>
        <translation>Erreur RMS</translation>
    </message>
    <message>
        <source>Rel. error</source>
        <translation>Err. rel.</translation>
    </message>
    <message>
        <source>SQNR</source>
        <translation>SQNR</translation>
    </message>
    <message>
        <source>Zeroed</source>
        <translation>Mis à zéro</translation>
    </message>
    <message>
        <source>‖W − Ŵ‖ / ‖W‖</source>
        <translation>‖W − Ŵ‖ / ‖W‖</translation>
    </message>
    <message>
        <source>Weights that were not zero and are stored as exactly zero (pruning and rounding)</source>
        <translation>Poids non nuls stockés exactement à zéro (élagage et arrondi)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Compressing… %1 done, about %2 left</source>
        <translation>Compression… %1 effectués, il reste environ %2</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Measuring perplexity and KL divergence against the original…</source>
        <translation>Mesure de la perplexité et de la divergence KL par rapport à l&apos;original…</translation>
    </message>
    <message>
        <source>Measuring perplexity and KL divergence against the original… %1</source>
        <translation>Mesure de la perplexité et de la divergence KL par rapport à l&apos;original… %1</translation>
    </message>
    <message>
        <source>No quality measurement: %1</source>
        <translation>Pas de mesure de qualité&#xa0;: %1</translation>
    </message>
    <message>
        <source>No temporary folder for the run: %1</source>
        <translation>Pas de dossier temporaire pour l&apos;exécution&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 has no GGUF type, so the run writes safetensors, holding its values at the model&apos;s own precision (the file does not shrink). </source>
        <translation>%1 n&apos;a pas de type GGUF&#xa0;: l&apos;exécution écrit donc du safetensors, qui garde ses valeurs à la précision propre du modèle (le fichier ne rétrécit pas). </translation>
    </message>
    <message>
        <source>Compressing…</source>
        <translation>Compression…</translation>
    </message>
    <message>
        <source>Compressing the whole model</source>
        <translation>Compression de tout le modèle</translation>
    </message>
    <message>
        <source>Done in %1: %2 tensors, %3 written (%4 bits per weight over the file; the open file holds %5). Save keeps it.</source>
        <translation>Terminé en %1&#xa0;: %2 tenseurs, %3 écrits (%4 bits par poids sur l&apos;ensemble du fichier&#xa0;; le fichier ouvert fait %5). «&#xa0;Enregistrer&#xa0;» le conserve.</translation>
    </message>
    <message>
        <source>Measuring quality against the original</source>
        <translation>Mesure de la qualité par rapport à l&apos;original</translation>
    </message>
    <message>
        <source>Quality not measured: %1.</source>
        <translation>Qualité non mesurée&#xa0;: %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Measured quality&lt;/b&gt; on %1 tokens of %2: perplexity %3 → %4 (%5), KL divergence %6 nats per token, the same top token %7 of the time (%8 tensors replaced by their exported values; tokenizer: %9).</source>
        <translation>&lt;b&gt;Qualité mesurée&lt;/b&gt; sur %1 jetons de %2&#xa0;: perplexité %3 → %4 (%5), divergence KL %6 nats par jeton, même jeton de tête %7 du temps (%8 tenseurs remplacés par leurs valeurs exportées&#xa0;; tokeniseur&#xa0;: %9).</translation>
    </message>
    <message>
        <source>%1
(%2 in the open file)</source>
        <translation>%1
(%2 dans le fichier ouvert)</translation>
    </message>
    <message>
        <source> (kept)</source>
        <translation> (conservé)</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>Save compressed model</source>
        <translation>Enregistrer le modèle compressé</translation>
    </message>
    <message>
        <source>GGUF (*.gguf)</source>
        <translation>GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>Enregistrement de %1…</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>Enregistrement de %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
</context>
<context>
    <name>complab::SummaryCards</name>
    <message>
        <source>near-lossless</source>
        <translation>quasi sans perte</translation>
    </message>
    <message>
        <source>minor loss</source>
        <translation>perte mineure</translation>
    </message>
    <message>
        <source>noticeable drift</source>
        <translation>dérive sensible</translation>
    </message>
    <message>
        <source>significant loss</source>
        <translation>perte importante</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>inutilisable</translation>
    </message>
    <message>
        <source>Weights on disk</source>
        <translation>Poids sur disque</translation>
    </message>
    <message>
        <source>Size of the weights file: surviving parameters × bits per weight ÷ 8, scales included.</source>
        <translation>Taille du fichier de poids&#xa0;: paramètres restants × bits par poids ÷ 8, échelles comprises.</translation>
    </message>
    <message>
        <source>VRAM required</source>
        <translation>VRAM requise</translation>
    </message>
    <message>
        <source>Graphics memory needed to run the model: the weights, plus the KV cache for every token in context, plus working buffers.</source>
        <translation>Mémoire graphique nécessaire pour exécuter le modèle&#xa0;: les poids, plus le cache KV de chaque jeton du contexte, plus les tampons de travail.</translation>
    </message>
    <message>
        <source>Quality retained</source>
        <translation>Qualité gardée</translation>
    </message>
    <message>
        <source>Rule-of-thumb share of the original model&apos;s quality: one factor each for precision, pruning and distillation, multiplied.</source>
        <translation>Part de la qualité du modèle d&apos;origine selon la règle empirique&#xa0;: un facteur pour la précision, un pour l&apos;élagage et un pour la distillation, multipliés entre eux.</translation>
    </message>
    <message>
        <source>Hardware tier</source>
        <translation>Matériel minimal</translation>
    </message>
    <message>
        <source>The smallest common device whose usable memory, less a 5 % safety margin, holds the VRAM estimate.</source>
        <translation>Le plus petit appareil courant dont la mémoire utilisable, moins une marge de sécurité de 5 %, contient l&apos;estimation de VRAM.</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>estimation</translation>
    </message>
    <message>
        <source>Computed by the rule-of-thumb model, not measured on the checkpoint.</source>
        <translation>Calculé par le modèle empirique, non mesuré sur le checkpoint.</translation>
    </message>
    <message>
        <source>Measured by the Run tab: the compressed model against the original on held-out text. Removed when the recipe changes.</source>
        <translation>Mesuré par l&apos;onglet Exécution&#xa0;: le modèle compressé face à l&apos;original sur un texte réservé. Retiré dès que la recette change.</translation>
    </message>
    <message>
        <source>%1 smaller than FP32</source>
        <translation>%1 plus petit qu&apos;en FP32</translation>
    </message>
    <message>
        <source>; %1 bits/weight over this model&apos;s %2 tensors (%3 quantised)</source>
        <translation>&#xa0;; %1 bits/poids sur les %2 tenseurs de ce modèle (%3 quantifiés)</translation>
    </message>
    <message>
        <source>, 1 per-tensor rule</source>
        <translation>, 1 règle par tenseur</translation>
    </message>
    <message>
        <source>, %1 per-tensor rules</source>
        <translation>, %1 règles par tenseur</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planifié</translation>
    </message>
    <message>
        <source>Bits per weight planned from the open model&apos;s own tensors: the type the recipe gives each (per-tensor rules included, small tensors kept in their own type), scales counted. Pruning and distillation still follow the rule of thumb.</source>
        <translation>Bits par poids planifiés d&apos;après les tenseurs du modèle ouvert&#xa0;: le type que la recette donne à chacun (règles par tenseur comprises, petits tenseurs gardés dans leur propre type), échelles comptées. L&apos;élagage et la distillation suivent toujours la règle empirique.</translation>
    </message>
    <message>
        <source>weights %1 + KV cache %2 + %3 %4</source>
        <translation>poids %1 + cache KV %2 + %3 %4</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>activations</translation>
    </message>
    <message>
        <source>compute buffer</source>
        <translation>tampon de calcul</translation>
    </message>
    <message>
        <source> + runtime %1</source>
        <translation> + réserve d&apos;exécution %1</translation>
    </message>
    <message>
        <source>llama.cpp would allocate %1</source>
        <translation>llama.cpp allouerait %1</translation>
    </message>
    <message>
        <source>first-order sum: %1</source>
        <translation>somme au premier ordre&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1; smallest GPU or Mac: %2</source>
        <translation>%1&#xa0;; plus petit GPU ou Mac&#xa0;: %2</translation>
    </message>
    <message>
        <source>none fits</source>
        <translation>aucun ne convient</translation>
    </message>
    <message>
        <source>larger than every device in the table</source>
        <translation>plus grand que tous les appareils de la table</translation>
    </message>
    <message>
        <source>Cannot estimate: %1</source>
        <translation>Estimation impossible&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>complab::TechniqueMap</name>
    <message>
        <source>Model compression</source>
        <translation>Compression de modèles</translation>
    </message>
    <message>
        <source>The umbrella: anything that makes a model smaller or cheaper to run while keeping its behaviour</source>
        <translation>Le terme générique&#xa0;: tout ce qui rend un modèle plus petit ou moins coûteux à exécuter tout en préservant son comportement</translation>
    </message>
    <message>
        <source>Quantisation</source>
        <translation>Quantification</translation>
    </message>
    <message>
        <source>Fewer bits per weight: a coarser grid for the same network</source>
        <translation>Moins de bits par poids&#xa0;: une grille plus grossière pour le même réseau</translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation>Élagage</translation>
    </message>
    <message>
        <source>Remove weights, or whole rows and heads, that contribute little</source>
        <translation>Retirer des poids, ou des lignes et des têtes entières, qui contribuent peu</translation>
    </message>
    <message>
        <source>Distillation</source>
        <translation>Distillation</translation>
    </message>
    <message>
        <source>Train a smaller student to imitate a larger teacher</source>
        <translation>Entraîner un élève plus petit à imiter un enseignant plus grand</translation>
    </message>
    <message>
        <source>Low-rank factorisation</source>
        <translation>Factorisation de rang faible</translation>
    </message>
    <message>
        <source>Replace a matrix by the product of two thin ones (SVD)</source>
        <translation>Remplacer une matrice par le produit de deux matrices étroites (SVD)</translation>
    </message>
    <message>
        <source>Estimated for the open model under the lab&apos;s current recipe (the rules of chapter 3)</source>
        <translation>Estimé pour le modèle ouvert avec la recette actuelle du labo (les règles du chapitre 3)</translation>
    </message>
    <message>
        <source>See it work ▸</source>
        <translation>Voir en action ▸</translation>
    </message>
    <message>
        <source>a %1-parameter model</source>
        <translation>un modèle de %1 paramètres</translation>
    </message>
    <message>
        <source>Now, for %1: %2 on disk instead of %3 at FP32, %4 of the quality kept (estimates).</source>
        <translation>Actuellement, pour %1&#xa0;: %2 sur disque au lieu de %3 en FP32, %4 de la qualité conservée (estimations).</translation>
    </message>
    <message>
        <source>In the lab: %1, %2 bits per weight — %3 of FP32&apos;s bytes.</source>
        <translation>Dans le labo&#xa0;: %1, %2 bits par poids — %3 des octets du FP32.</translation>
    </message>
    <message>
        <source>In the lab: %1 of the weights removed.</source>
        <translation>Dans le labo&#xa0;: %1 des poids retirés.</translation>
    </message>
    <message>
        <source>In the lab: off. Try 50 %: the quality rule barely moves until about 60 %.</source>
        <translation>Dans le labo&#xa0;: désactivé. Essayez 50 %&#xa0;: la règle de qualité bouge à peine jusqu&apos;à environ 60 %.</translation>
    </message>
    <message>
        <source>In the lab: a student %1× smaller, %2 parameters.</source>
        <translation>Dans le labo&#xa0;: un élève %1× plus petit, %2 paramètres.</translation>
    </message>
    <message>
        <source>In the lab: off (1×). Distillation needs training, so the lab estimates it only.</source>
        <translation>Dans le labo&#xa0;: désactivée (1×). La distillation exige un entraînement&#xa0;: le labo se contente donc de l&apos;estimer.</translation>
    </message>
    <message>
        <source>In the lab: rank kept to %1 of each matrix&apos;s energy.</source>
        <translation>Dans le labo&#xa0;: rang réduit de façon à garder %1 de l&apos;énergie de chaque matrice.</translation>
    </message>
    <message>
        <source>In the lab: off (100 % of the energy kept).</source>
        <translation>Dans le labo&#xa0;: désactivée (100 % de l&apos;énergie conservée).</translation>
    </message>
</context>
<context>
    <name>complab::TemperatureDemo</name>
    <message>
        <source>Ask the teacher</source>
        <translation>Interroger l&apos;enseignant</translation>
    </message>
    <message>
        <source>T = 1: the teacher&apos;s own prediction</source>
        <translation>T = 1&#xa0;: la prédiction propre de l&apos;enseignant</translation>
    </message>
    <message>
        <source>Softened at the chosen T: what the student learns from</source>
        <translation>Adoucie à la valeur de T choisie&#xa0;: ce sur quoi l&apos;élève apprend</translation>
    </message>
    <message>
        <source>Once upon a time, there was a little</source>
        <translation>Once upon a time, there was a little</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>The text whose next token the teacher predicts</source>
        <translation>Le texte dont l&apos;enseignant prédit le jeton suivant</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>Divides the logits before the softmax: 1 keeps the model&apos;s distribution, higher values spread probability onto the less likely tokens</source>
        <translation>Divise les logits avant le softmax&#xa0;: 1 conserve la distribution du modèle, des valeurs plus élevées répartissent la probabilité sur les jetons moins probables</translation>
    </message>
    <message>
        <source>Next-token probabilities of the ten likeliest tokens</source>
        <translation>Probabilités du jeton suivant pour les dix jetons les plus probables</translation>
    </message>
    <message>
        <source>Next token (␣ is a space)</source>
        <translation>Jeton suivant (␣ représente une espace)</translation>
    </message>
    <message>
        <source>Probability (%)</source>
        <translation>Probabilité (%)</translation>
    </message>
    <message>
        <source>%1: %2 at T = %3</source>
        <translation>%1&#xa0;: %2 à T = %3</translation>
    </message>
    <message>
        <source>The teacher reads the prompt…</source>
        <translation>L&apos;enseignant lit le prompt…</translation>
    </message>
    <message>
        <source>Predicting the next token</source>
        <translation>Prédiction du jeton suivant</translation>
    </message>
    <message>
        <source>T = %1</source>
        <translation>T = %1</translation>
    </message>
    <message>
        <source>Open a model the lab can run (the sample model is one) to ask it as a teacher.</source>
        <translation>Ouvrez un modèle que le labo peut exécuter (le modèle d&apos;exemple en est un) pour l&apos;interroger comme enseignant.</translation>
    </message>
    <message>
        <source>At T = %1 the likeliest token gets %2 (at T = 1: %3). The distribution&apos;s entropy is %4 bits — as unsure as a fair choice among %5 tokens; the ten tokens drawn hold %6 of the probability, the other %7 tokens of the vocabulary the rest.</source>
        <translation>À T = %1, le jeton le plus probable reçoit %2 (à T = 1&#xa0;: %3). L&apos;entropie de la distribution est de %4 bits — autant d&apos;incertitude qu&apos;un choix équiprobable entre %5 jetons&#xa0;; les dix jetons représentés portent %6 de la probabilité, les %7 autres jetons du vocabulaire le reste.</translation>
    </message>
</context>
<context>
    <name>complab::TensorStatsWidget</name>
    <message>
        <source>Select a tensor to see its values</source>
        <translation>Sélectionnez un tenseur pour voir ses valeurs</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>Number of values in the tensor.</source>
        <translation>Nombre de valeurs du tenseur.</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Smallest finite value.</source>
        <translation>Plus petite valeur finie.</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Largest finite value.</source>
        <translation>Plus grande valeur finie.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Average of the finite values.</source>
        <translation>Moyenne des valeurs finies.</translation>
    </message>
    <message>
        <source>Std. deviation</source>
        <translation>Écart type</translation>
    </message>
    <message>
        <source>Typical distance of a value from the mean: the width of the bell in the histogram.</source>
        <translation>Distance typique d&apos;une valeur à la moyenne&#xa0;: la largeur de la cloche dans l&apos;histogramme.</translation>
    </message>
    <message>
        <source>Largest magnitude</source>
        <translation>Plus grande amplitude</translation>
    </message>
    <message>
        <source>The largest |value|. A quantiser&apos;s grid must reach it, so one outlier coarsens the grid for all.</source>
        <translation>La plus grande |valeur|. La grille d&apos;un quantificateur doit l&apos;atteindre&#xa0;: une seule valeur aberrante rend la grille plus grossière pour toutes les autres.</translation>
    </message>
    <message>
        <source>Exact zeros</source>
        <translation>Zéros exacts</translation>
    </message>
    <message>
        <source>Values that are exactly 0 (pruned weights show up here).</source>
        <translation>Valeurs exactement égales à 0 (les poids élagués apparaissent ici).</translation>
    </message>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <source>Not-a-number values: a damaged or badly converted tensor.</source>
        <translation>Valeurs non numériques (NaN)&#xa0;: un tenseur endommagé ou mal converti.</translation>
    </message>
    <message>
        <source>Infinite</source>
        <translation>Infinies</translation>
    </message>
    <message>
        <source>Infinite values: overflow in a conversion or in training.</source>
        <translation>Valeurs infinies&#xa0;: un dépassement lors d&apos;une conversion ou de l&apos;entraînement.</translation>
    </message>
    <message>
        <source>Number of weights</source>
        <translation>Nombre de poids</translation>
    </message>
    <message>
        <source>Weights per value bin</source>
        <translation>Poids par intervalle de valeurs</translation>
    </message>
    <message>
        <source>Weight value</source>
        <translation>Valeur du poids</translation>
    </message>
    <message>
        <source>Distribution of values</source>
        <translation>Distribution des valeurs</translation>
    </message>
    <message>
        <source>Stop computing the statistics of this tensor</source>
        <translation>Arrêter le calcul des statistiques de ce tenseur</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Could not read this tensor: %1</source>
        <translation>Impossible de lire ce tenseur&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 — %2, shape %3</source>
        <translation>%1 — %2, forme %3</translation>
    </message>
    <message>
        <source>Distribution of values in %1</source>
        <translation>Distribution des valeurs de %1</translation>
    </message>
    <message>
        <source>Statistics of %1</source>
        <translation>Statistiques de %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>complab::TensorTreeModel</name>
    <message>
        <source>%1 (%2 bits)</source>
        <translation>%1 (%2 bits)</translation>
    </message>
    <message>
        <source>%1
%2, shape %3, %4 parameters, %5</source>
        <translation>%1
%2, forme %3, %4 paramètres, %5</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n entries</source>
        <translation>
            <numerusform>%1&#xa0;: %n entrée</numerusform>
            <numerusform>%1&#xa0;: %n entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Forme</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Rows × columns of the weight matrix (a vector has one dimension).</source>
        <translation>Lignes × colonnes de la matrice de poids (un vecteur n&apos;a qu&apos;une dimension).</translation>
    </message>
    <message>
        <source>The number format each weight is stored in.</source>
        <translation>Le format numérique dans lequel chaque poids est stocké.</translation>
    </message>
    <message>
        <source>Number of weights in the tensor or group.</source>
        <translation>Nombre de poids du tenseur ou du groupe.</translation>
    </message>
    <message>
        <source>Storage the tensor or group takes in the file.</source>
        <translation>Place qu&apos;occupe le tenseur ou le groupe dans le fichier.</translation>
    </message>
</context>
<context>
    <name>complab::WorkshopView</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédent</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <source>Present (F5)</source>
        <translation>Présenter (F5)</translation>
    </message>
    <message>
        <source>Compression Lab — Workshop</source>
        <translation>Compression Lab — Atelier</translation>
    </message>
    <message>
        <source>The map</source>
        <translation>La carte</translation>
    </message>
    <message>
        <source>Compression is the family; quantisation is one member of it. Any technique that makes a model smaller or cheaper to run while keeping its behaviour belongs here. Four families do most of the work, and they compose: a self-hosted model has usually been through two or three of them. Each box says what the family would do to the open model under the lab&apos;s current recipe; the chart, what each precision alone would weigh.</source>
        <translation>La compression est la famille&#xa0;; la quantification en est l&apos;un des membres. Toute technique qui rend un modèle plus petit ou moins coûteux à exécuter tout en préservant son comportement en fait partie. Quatre familles font l&apos;essentiel du travail, et elles se combinent&#xa0;: un modèle auto-hébergé est généralement passé par deux ou trois d&apos;entre elles. Chaque encadré indique ce que la famille ferait au modèle ouvert avec la recette actuelle du labo&#xa0;; le graphique, ce que pèserait chaque précision à elle seule.</translation>
    </message>
    <message>
        <source>What quantisation does</source>
        <translation>Ce que fait la quantification</translation>
    </message>
    <message>
        <source>Quantisation stores every weight on a coarser grid. An FP32 weight can take about four billion values; INT8 allows 256, INT4 sixteen, INT2 four. The network still computes, on a blurred copy of itself. Below is a real row of the open model: lower the bits and watch the red steps. Each bit removed doubles the spacing of the grid and roughly doubles the error; at 2 bits most weights share a handful of values.</source>
        <translation>La quantification stocke chaque poids sur une grille plus grossière. Un poids FP32 peut prendre environ quatre milliards de valeurs&#xa0;; INT8 en permet 256, INT4 seize, INT2 quatre. Le réseau calcule toujours, mais sur une copie floutée de lui-même. Ci-dessous, une vraie ligne du modèle ouvert&#xa0;: réduisez le nombre de bits et observez les marches rouges. Chaque bit retiré double l&apos;espacement de la grille et double à peu près l&apos;erreur&#xa0;; à 2 bits, la plupart des poids se partagent une poignée de valeurs.</translation>
    </message>
    <message>
        <source>The arithmetic</source>
        <translation>Les calculs</translation>
    </message>
    <message>
        <source>Three first-order equations carry the lab&apos;s estimates. Memory falls linearly with the bits; pruning costs little until about 60 % and then the cubic term takes over; distillation loses a small, fixed amount per halving of the size. The constants are calibrated on published results (GPTQ, AWQ, Wanda, SparseGPT and distilled models), not derived: argue with them by editing them.</source>
        <translation>Trois équations du premier ordre sous-tendent les estimations du labo. La mémoire décroît linéairement avec le nombre de bits&#xa0;; l&apos;élagage coûte peu jusqu&apos;à environ 60 %, puis le terme cubique prend le dessus&#xa0;; la distillation perd une petite quantité fixe à chaque division par deux de la taille. Les constantes sont calibrées sur des résultats publiés (GPTQ, AWQ, Wanda, SparseGPT et modèles distillés), et non dérivées&#xa0;: contestez-les en les modifiant.</translation>
    </message>
    <message>
        <source>Open the lab window, where the same recipe is measured on the checkpoint</source>
        <translation>Ouvrir la fenêtre du labo, où la même recette est mesurée sur le checkpoint</translation>
    </message>
    <message>
        <source>The lab</source>
        <translation>Le labo</translation>
    </message>
    <message>
        <source>Compose the techniques and watch the footprint move. These cards are the rules of the previous chapter applied to the open model (or to any size you choose); they build intuition, they are not a benchmark. Calibration data, activation outliers and fine-tuning after pruning all move real results.</source>
        <translation>Combinez les techniques et regardez l&apos;empreinte évoluer. Ces fiches appliquent les règles du chapitre précédent au modèle ouvert (ou à la taille de votre choix)&#xa0;; elles servent à forger l&apos;intuition, ce ne sont pas un benchmark. Les données de calibration, les valeurs aberrantes des activations et l&apos;affinage après élagage influent tous sur les résultats réels.</translation>
    </message>
    <message>
        <source>The techniques in depth</source>
        <translation>Les techniques en détail</translation>
    </message>
    <message>
        <source>Each technique on the open model, computed now on its own tensors (the tensor chosen in the lab window).</source>
        <translation>Chaque technique appliquée au modèle ouvert, calculée en direct sur ses propres tenseurs (le tenseur choisi dans la fenêtre du labo).</translation>
    </message>
    <message>
        <source>The landscape</source>
        <translation>Le paysage</translation>
    </message>
    <message>
        <source>Where real models sit: the bytes of their weights against a rough quality score (MMLU and chat-arena results at release, normalised so that Llama-3.1-8B at FP16 is about 100). INT4 moves every model to the left — a quarter of FP16&apos;s bytes — with little loss in height, which is why it became the default. The marker is the lab&apos;s current recipe.</source>
        <translation>Où se situent les vrais modèles&#xa0;: les octets de leurs poids face à un score de qualité approximatif (résultats MMLU et chat-arena à leur sortie, normalisés de sorte que Llama-3.1-8B en FP16 vaille environ 100). L&apos;INT4 déplace chaque modèle vers la gauche — un quart des octets du FP16 — en ne perdant que peu de hauteur, ce qui explique qu&apos;il soit devenu le format par défaut. Le marqueur représente la recette actuelle du labo.</translation>
    </message>
    <message>
        <source>The decision guide</source>
        <translation>Le guide de décision</translation>
    </message>
    <message>
        <source>Pick the situation closest to yours: the lab loads the recipe to reach for first, and the cards below show what it costs for the open model. A model is a budget of memory, arithmetic and attention; compression spends it more cheaply for almost the same behaviour.</source>
        <translation>Choisissez la situation la plus proche de la vôtre&#xa0;: le labo charge la recette à essayer en premier, et les fiches ci-dessous montrent ce qu&apos;elle coûte pour le modèle ouvert. Un modèle est un budget de mémoire, de calcul et d&apos;attention&#xa0;; la compression le dépense à moindre coût pour un comportement presque identique.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <source>Full screen in large type; arrow keys move between chapters, Escape returns</source>
        <translation>Plein écran en grands caractères&#xa0;; les touches fléchées font passer d&apos;un chapitre à l&apos;autre, Échap ramène à l&apos;affichage normal</translation>
    </message>
    <message>
        <source>Post-training quantisation converts a trained model with a little calibration text. &lt;b&gt;GPTQ&lt;/b&gt; (Frantar et al. 2022) rounds one column at a time and lets the columns not yet rounded absorb the error; &lt;b&gt;AWQ&lt;/b&gt; (Lin et al. 2023) scales up the input channels that meet large activations before rounding; &lt;b&gt;SmoothQuant&lt;/b&gt; (Xiao et al. 2022) moves activation outliers into the weights so that activations can be INT8 too; &lt;b&gt;QLoRA&lt;/b&gt; (Dettmers et al. 2023) brought the 4-bit NormalFloat code (NF4). Quantisation-aware training goes below 4 bits with less loss, at the price of training. The chart: every scheme&apos;s error on the selected tensor, measured.</source>
        <translation>La quantification post-entraînement convertit un modèle entraîné à l&apos;aide d&apos;un peu de texte de calibration. &lt;b&gt;GPTQ&lt;/b&gt; (Frantar et al. 2022) arrondit une colonne à la fois et laisse les colonnes pas encore arrondies absorber l&apos;erreur&#xa0;; &lt;b&gt;AWQ&lt;/b&gt; (Lin et al. 2023) amplifie, avant l&apos;arrondi, les canaux d&apos;entrée qui rencontrent de grandes activations&#xa0;; &lt;b&gt;SmoothQuant&lt;/b&gt; (Xiao et al. 2022) transfère les valeurs aberrantes des activations dans les poids pour que les activations puissent elles aussi être en INT8&#xa0;; &lt;b&gt;QLoRA&lt;/b&gt; (Dettmers et al. 2023) a introduit le code NormalFloat sur 4 bits (NF4). L&apos;entraînement tenant compte de la quantification descend sous 4 bits avec moins de perte, au prix d&apos;un entraînement. Le graphique&#xa0;: l&apos;erreur de chaque schéma sur le tenseur sélectionné, mesurée.</translation>
    </message>
    <message>
        <source>Quantisation</source>
        <translation>Quantification</translation>
    </message>
    <message>
        <source>Pruning removes weights. Magnitude pruning drops the smallest; &lt;b&gt;Wanda&lt;/b&gt; (Sun et al. 2023) weighs each weight by the size of the activations it multiplies; &lt;b&gt;SparseGPT&lt;/b&gt; (Frantar and Alistarh 2023) also updates the weights that stay to make up for those removed. Scattered zeros need special kernels to run faster; &lt;b&gt;2:4&lt;/b&gt; — two zeros in every four — is the pattern NVIDIA&apos;s Ampere GPUs accelerate; removing whole rows leaves a smaller dense matrix that is fast anywhere but costs more quality. White: removed.</source>
        <translation>L&apos;élagage retire des poids. L&apos;élagage par magnitude supprime les plus faibles&#xa0;; &lt;b&gt;Wanda&lt;/b&gt; (Sun et al. 2023) pondère chaque poids par la taille des activations qu&apos;il multiplie&#xa0;; &lt;b&gt;SparseGPT&lt;/b&gt; (Frantar et Alistarh 2023) met en outre à jour les poids restants pour compenser ceux qui ont été retirés. Des zéros dispersés exigent des noyaux de calcul spécialisés pour accélérer l&apos;exécution&#xa0;; &lt;b&gt;2:4&lt;/b&gt; — deux zéros sur quatre — est le motif qu&apos;accélèrent les GPU Ampere de NVIDIA&#xa0;; retirer des lignes entières laisse une matrice dense plus petite, rapide partout mais plus coûteuse en qualité. Blanc&#xa0;: retiré.</translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation>Élagage</translation>
    </message>
    <message>
        <source>Distillation trains a smaller student to imitate a teacher. &lt;b&gt;Hinton, Vinyals and Dean (2015)&lt;/b&gt; train the student on the teacher&apos;s probabilities softened by a temperature T. At T = 1 the likeliest token takes nearly everything; as T rises the runners-up appear, and their sizes — which wrong answers are almost right — are what the student learns beyond the label. Here the open model is the teacher. Distillation needs a training run, so the lab estimates its size and quality rather than measuring them.</source>
        <translation>La distillation entraîne un élève plus petit à imiter un enseignant. &lt;b&gt;Hinton, Vinyals et Dean (2015)&lt;/b&gt; entraînent l&apos;élève sur les probabilités de l&apos;enseignant, adoucies par une température T. À T = 1, le jeton le plus probable prend presque tout&#xa0;; à mesure que T augmente, les jetons suivants apparaissent, et leurs valeurs — quelles mauvaises réponses sont presque justes — sont ce que l&apos;élève apprend au-delà de l&apos;étiquette. Ici, le modèle ouvert est l&apos;enseignant. La distillation exige un entraînement&#xa0;: le labo estime donc sa taille et sa qualité plutôt que de les mesurer.</translation>
    </message>
    <message>
        <source>Distillation</source>
        <translation>Distillation</translation>
    </message>
    <message>
        <source>A d × k matrix can be replaced by two thin factors of rank r, which saves bytes when r·(d + k) &amp;lt; d·k. The singular value decomposition gives the best such factors, and its energy curve says how many of them a matrix needs. Trained language-model weights are usually close to full rank — a slow curve — which is why low rank is a niche for them (embedding tables, bottlenecks). LoRA adapters are low rank too, but for fine-tuning, not for compression.</source>
        <translation>Une matrice d × k peut être remplacée par deux facteurs étroits de rang r, ce qui économise des octets lorsque r·(d + k) &amp;lt; d·k. La décomposition en valeurs singulières donne les meilleurs facteurs de ce type, et sa courbe d&apos;énergie indique combien il en faut à une matrice. Les poids entraînés des modèles de langage sont généralement proches du rang plein — une courbe lente —, c&apos;est pourquoi le rang faible reste pour eux une niche (tables d&apos;embeddings, goulots d&apos;étranglement). Les adaptateurs LoRA sont eux aussi de rang faible, mais pour l&apos;affinage, pas pour la compression.</translation>
    </message>
    <message>
        <source>Low rank</source>
        <translation>Rang faible</translation>
    </message>
    <message>
        <source>Chapter %1 of %2 · %3</source>
        <translation>Chapitre %1 sur %2 · %3</translation>
    </message>
    <message>
        <source>End presentation (Esc)</source>
        <translation>Terminer la présentation (Échap)</translation>
    </message>
</context>
<context>
    <name>complab::format</name>
    <message>
        <source>scalar</source>
        <translation>scalaire</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A laboratory for compressing language models.</source>
        <translation>Un laboratoire de compression de modèles de langage.</translation>
    </message>
    <message>
        <source>Checkpoint file or folder to open (default: the bundled sample).</source>
        <translation>Fichier ou dossier de checkpoint à ouvrir (par défaut&#xa0;: l&apos;exemple fourni).</translation>
    </message>
    <message>
        <source>Select this tensor once the checkpoint is open (e.g. model.layers.0.mlp.up_proj.weight).</source>
        <translation>Sélectionner ce tenseur une fois le checkpoint ouvert (p. ex. model.layers.0.mlp.up_proj.weight).</translation>
    </message>
    <message>
        <source>Set the sliders from this recipe file (compression-lab-recipe JSON).</source>
        <translation>Régler les curseurs d&apos;après ce fichier de recette (JSON compression-lab-recipe).</translation>
    </message>
    <message>
        <source>Compare the checkpoint with this second one of the same model (compare mode).</source>
        <translation>Comparer le checkpoint avec ce second checkpoint du même modèle (mode comparaison).</translation>
    </message>
    <message>
        <source>[checkpoint]</source>
        <translation>[checkpoint]</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Open the workshop at this chapter (1-7) once the checkpoint is open.</source>
        <translation>Ouvrir l&apos;atelier à ce chapitre (1-7) une fois le checkpoint ouvert.</translation>
    </message>
    <message>
        <source>chapter</source>
        <translation>chapitre</translation>
    </message>
    <message>
        <source>Show the workshop in presentation mode (full screen, large type).</source>
        <translation>Afficher l&apos;atelier en mode présentation (plein écran, grands caractères).</translation>
    </message>
</context>
</TS>
