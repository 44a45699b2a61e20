import type {Translation} from '../types.js';
import type {en} from './en.js';
import {clusterPtBR} from './pt-BR/cluster.js';
import {keysPtBR} from './pt-BR/keys.js';
import {screenPtBR} from './pt-BR/screen.js';
import {servicesPtBR} from './pt-BR/services.js';
import {statusPtBR} from './pt-BR/status.js';

/** Mensagens em português do Brasil: curtas, diretas, com "você", para quem está começando. */
export const ptBR = {
	...keysPtBR,
	...screenPtBR,
	...statusPtBR,
	...servicesPtBR,
	...clusterPtBR,
	'cli.usage': `
  Uma interface de terminal, toda pelo teclado, para pods e serviços do Kubernetes: fiel ao kubectl, ao vivo, com um cluster sandbox embutido

  Uso
    $ kpods [opções]                 acompanhe e gerencie pods e serviços, ao vivo
    $ kpods --sandbox                o mesmo, num cluster sandbox embutido
    $ kpods sandbox [--port N] [--kubeconfig-out FILE]
                                     serve o sandbox para o kubectl (Ctrl-C encerra)

  Opções (os nomes do kubectl)
{flags}
    --help, --version

  Teclas: ? dentro do kpods mostra todas.  Sem terminal, o kpods sai com status 2.
`,
	'cli.flag.kubeconfig': 'kubeconfig a usar (padrão: $KUBECONFIG, senão ~/.kube/config)',
	'cli.flag.context': 'contexto do kubeconfig a usar (padrão: o contexto atual)',
	'cli.flag.namespace': 'namespace a mostrar (padrão: o do contexto, senão default)',
	'cli.flag.allNamespaces': 'mostra todos os namespaces (com a coluna NAMESPACE, como o kubectl)',
	'cli.flag.readonly': 'recusa, avisando, toda tecla que altera o cluster',
	'cli.flag.manifests': 'lista também os manifestos de DIR (além dos do tutorial)',
	'cli.flag.sandbox': 'inicia o cluster sandbox embutido e abre nele',
	'cli.flag.lang': 'idioma: en ou pt-BR (padrão: de LC_ALL, LC_MESSAGES, LANG)',
	'cli.unknownFlag': 'opção desconhecida {flag} (kpods --help lista todas)',
	'cli.badLanguage': '--lang deve ser en ou pt-BR, não "{value}"',
	'cli.sandboxArgument': 'argumento inesperado "{argument}" (kpods sandbox [--port N] [--kubeconfig-out FILE])',
	'cli.badPort': '--port deve ser um número de porta (0-65535), não {value}',
	'cli.unknownCommand': 'comando desconhecido "{command}" (kpods [opções] ou kpods sandbox)',
	'cli.needsValue': '{flag} precisa de um valor',
	'cli.takesNoValue': '{flag} não recebe valor ({flag}=false a desliga)',
	'cli.noSuchDirectory': '--manifests {path}: essa pasta não existe',
	'cli.notDirectory': '--manifests {path}: não é uma pasta (o kpods lista os manifestos de uma pasta)',
	'cli.needsTerminal':
		'o kpods é interativo e precisa de um terminal (stdin e stdout devem ser um TTY); para ter um servidor que o kubectl possa usar, rode: kpods sandbox',

	'outcome.done': 'pronto',
	'outcome.failed': 'falhou',
	'outcome.more': '{first} (+{more} no histórico: h)',
	'apply.objects': {zero: 'nenhum objeto', one: '{count} objeto', other: '{count} objetos'},
	'apply.created': {one: '{count} criado', other: '{count} criados'},
	'apply.configured': {one: '{count} alterado', other: '{count} alterados'},
	'apply.unchanged': {one: '{count} sem mudança', other: '{count} sem mudança'},
	'apply.failed': {one: '{count} com erro', other: '{count} com erro'},
	'apply.applied': {
		one: '{count} objeto aplicado: {counts}',
		other: '{count} objetos aplicados: {counts}',
	},
	'apply.question': {
		one: 'Aplicar {count} objeto? Simulação: {counts}',
		other: 'Aplicar {count} objetos? Simulação: {counts}',
	},
	'apply.moreFields': ', +{count}',
	'apply.nothing': 'nenhum manifesto para aplicar',
	'apply.dryRunning': 'simulando {objects}…',
	'apply.applying': 'aplicando {objects}…',
	'namespaces.listing': 'listando namespaces…',
	'namespaces.cannotList': 'não deu para listar os namespaces: {message}',
	'namespaces.typeOne': 'não deu para listar os namespaces ({message}); digite um',
	'sandbox.portInUse': 'a porta {port} em 127.0.0.1 já está em uso (escolha outra com --port, ou --port 0 para uma livre)',
	'sandbox.portNotAllowed': 'sem permissão para escutar na porta {port} (escolha uma porta acima de 1023)',
	'sandbox.cannotStart': 'não deu para iniciar: {message}',
	'sandbox.symbolicLink': 'é um link simbólico (o kpods não segue um para gravar um token)',
	'sandbox.cannotWrite': 'não deu para gravar o kubeconfig em {file}: {reason}',
	'sandbox.banner': `kpods sandbox: um cluster Kubernetes simulado, para aprender e testar — não é um cluster de verdade:
nenhum contêiner roda; um scheduler e um kubelet simulados levam os pods pelo ciclo de vida.

  API server   {url}  (API do Kubernetes v1.32, nó "minikube"; http simples na mesma porta)
  kubeconfig   {file}

Aponte o kubectl para ele:
  export KUBECONFIG={file}
  kubectl get pods

Tecle Ctrl-C para parar.
`,
	'sandbox.stopped': 'parado.',
} as const satisfies Translation<typeof en>;
